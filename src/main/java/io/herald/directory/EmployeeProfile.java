package io.herald.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A person as their profile shows them: where they sit, whom they report to up to the top
 * and who reports to them.
 *
 * @param managerChain managers from the nearest up to the top of the organisation
 * @param skills skills in the order HR entered them
 */
@NamedInterface("api")
public record EmployeeProfile(EmployeeSummary person, String firstName, String lastName, String preferredName,
		String employeeNumber, String phone, String mobile, ZoneId timeZone, String language, List<String> skills,
		LocalDate startDate, Long departmentId, Long locationId, List<EmployeeSummary> managerChain,
		List<EmployeeSummary> directReports, long version) {

	public long id() {
		return this.person.id();
	}

	public String displayName() {
		return this.person.displayName();
	}

	public String email() {
		return this.person.email();
	}

	public EmployeeSummary manager() {
		return this.managerChain.isEmpty() ? null : this.managerChain.get(0);
	}

	/**
	 * The manager chain from the top of the organisation down to the nearest manager.
	 */
	public List<EmployeeSummary> managerChainFromTop() {
		List<EmployeeSummary> fromTop = new ArrayList<>(this.managerChain);
		Collections.reverse(fromTop);
		return fromTop;
	}

}
