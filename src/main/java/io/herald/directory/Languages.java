package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The languages Herald speaks, as the directory stores them.
 */
@NamedInterface("api")
public final class Languages {

	public static final List<String> SUPPORTED = List.of("en", "pl", "zh-TW");

	private Languages() {
	}

}
