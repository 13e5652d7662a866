package io.herald.directory;

import java.util.List;

/**
 * Refusals for web slices, whose mocked directory services throw what the real ones
 * would; built here, where the exception's constructor is visible.
 */
public final class DirectoryRefusals {

	private DirectoryRefusals() {
	}

	/**
	 * The change refused for one reason, on one field ({@code null} for the whole
	 * change).
	 */
	public static InvalidDirectoryChange refused(String field, String code) {
		return new InvalidDirectoryChange(List.of(new InvalidDirectoryChange.Problem(field, code)));
	}

}
