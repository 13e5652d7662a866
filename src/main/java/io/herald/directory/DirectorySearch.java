package io.herald.directory;

/**
 * A directory query: words to find (all must match, in any field, diacritics ignored) and
 * filters.
 *
 * @param includeInactive also people who left; honoured for HR and administrators only
 */
public record DirectorySearch(String query, Long departmentId, Long locationId, boolean includeInactive) {

	public static DirectorySearch of(String query) {
		return new DirectorySearch(query, null, null, false);
	}

}
