package io.herald.directory;

/**
 * One line about a person, enough for lists and links.
 */
public record EmployeeSummary(long id, String email, String displayName, String jobTitle, String department,
		String location, Long managerId, boolean active) {

}
