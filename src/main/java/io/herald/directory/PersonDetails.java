package io.herald.directory;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Everything HR keeps about a person. The manager is named by e-mail, as in the import.
 *
 * @param version the version the editor started from, to detect concurrent edits; ignored
 * when creating
 */
public record PersonDetails(String email, String employeeNumber, String firstName, String lastName,
		String preferredName, String jobTitle, Long departmentId, Long locationId, String managerEmail, String phone,
		String mobile, ZoneId timeZone, String language, String skills, LocalDate startDate, long version) {

}
