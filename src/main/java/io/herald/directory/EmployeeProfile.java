package io.herald.directory;

import java.time.ZoneId;
import java.util.List;

/**
 * A person as their profile shows them: where they sit, whom they report to and who
 * reports to them.
 */
public record EmployeeProfile(EmployeeSummary person, String phone, String mobile, ZoneId timeZone, String language,
		EmployeeSummary manager, List<EmployeeSummary> directReports) {

	public long id() {
		return this.person.id();
	}

	public String displayName() {
		return this.person.displayName();
	}

	public String email() {
		return this.person.email();
	}

}
