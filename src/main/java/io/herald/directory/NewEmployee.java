package io.herald.directory;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.modulith.NamedInterface;

/**
 * A person to add to the directory. Department, location and manager are referred to by
 * id; skills are {@code ;}-separated.
 */
@NamedInterface("api")
public record NewEmployee(String email, String employeeNumber, String firstName, String lastName, String preferredName,
		String jobTitle, Long departmentId, Long locationId, Long managerId, String phone, String mobile,
		ZoneId timeZone, String language, String skills, LocalDate startDate) {

}
