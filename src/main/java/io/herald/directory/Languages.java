package io.herald.directory;

import java.util.List;

/**
 * The languages Herald speaks, as the directory stores them.
 */
public final class Languages {

	public static final List<String> SUPPORTED = List.of("en", "pl", "zh-TW");

	private Languages() {
	}

}
