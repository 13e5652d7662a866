package io.herald.directory;

import org.springframework.modulith.NamedInterface;

/**
 * One line about a person, enough for lists and links.
 */
@NamedInterface("api")
public record EmployeeSummary(long id, String email, String displayName, String jobTitle, String department,
		String location, Long managerId, boolean active) {

}
