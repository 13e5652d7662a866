package io.herald.directory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.herald.shared.Emails;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The directory's public face: look people up, place them in the organisation, count
 * them.
 */
@Service
public class EmployeeDirectory {

	private final EmployeeRepository employees;

	private final DepartmentRepository departments;

	private final LocationRepository locations;

	private final Clock clock;

	EmployeeDirectory(EmployeeRepository employees, DepartmentRepository departments, LocationRepository locations,
			Clock clock) {
		this.employees = employees;
		this.departments = departments;
		this.locations = locations;
		this.clock = clock;
	}

	@Transactional
	public long createDepartment(String name) {
		return this.departments.save(new Department(name.strip(), this.clock.instant())).getId();
	}

	@Transactional
	public long createLocation(String name, ZoneId timeZone) {
		return this.locations.save(new Location(name.strip(), timeZone, this.clock.instant())).getId();
	}

	/**
	 * Adds a person to the directory and returns their id.
	 * @throws IllegalArgumentException when the e-mail is missing or already taken
	 */
	@Transactional
	public long addEmployee(NewEmployee person) {
		String email = Emails.normalize(person.email());
		if (!StringUtils.hasText(email)) {
			throw new IllegalArgumentException("An employee needs an e-mail address");
		}
		if (this.employees.existsByEmail(email)) {
			throw new IllegalArgumentException("E-mail already in the directory: " + email);
		}
		NewEmployee normalized = new NewEmployee(email, person.employeeNumber(), person.firstName(), person.lastName(),
				person.preferredName(), person.jobTitle(), person.departmentId(), person.locationId(),
				person.managerId(), person.phone(), person.mobile(), person.timeZone(), person.language(),
				person.skills(), person.startDate());
		Employee employee = new Employee(normalized, reference(this.departments, person.departmentId()),
				reference(this.locations, person.locationId()), reference(this.employees, person.managerId()),
				this.clock.instant());
		return this.employees.save(employee).getId();
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.employees.count() == 0;
	}

	/**
	 * Finds a person by e-mail, whatever its case. Used when someone signs in, so it
	 * needs no authenticated caller.
	 */
	@Transactional(readOnly = true)
	public Optional<EmployeeSummary> findByEmail(String email) {
		return this.employees.findByEmail(Emails.normalize(email)).map(Employee::toSummary);
	}

	@Transactional(readOnly = true)
	public Optional<PersonalSettings> findSettings(long employeeId) {
		return this.employees.findById(employeeId)
			.map((e) -> new PersonalSettings(e.getTimeZone(), Locale.forLanguageTag(e.getLanguage())));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<EmployeeProfile> findProfile(long id) {
		return this.employees.findProfileById(id).map((e) -> {
			EmployeeSummary manager = (e.getManager() != null) ? e.getManager().toSummary() : null;
			List<EmployeeSummary> reports = this.employees.findActiveReports(id)
				.stream()
				.map(Employee::toSummary)
				.toList();
			return new EmployeeProfile(e.toSummary(), e.getPhone(), e.getMobile(), e.getTimeZone(), e.getLanguage(),
					manager, reports);
		});
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<Long, EmployeeSummary> findSummaries(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.employees.findSummariesByIdIn(ids)
			.stream()
			.map(Employee::toSummary)
			.collect(Collectors.toMap(EmployeeSummary::id, Function.identity()));
	}

	/**
	 * People whose name or e-mail contains the query, in the order the pageable asks for.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<EmployeeSummary> search(String query, Pageable pageable) {
		return this.employees.search(containsPattern(query), pageable).map(Employee::toSummary);
	}

	@PreAuthorize("hasAnyRole('HR', 'COMMS_MANAGER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Headcount headcount() {
		return new Headcount(this.employees.countByActive(true), this.employees.countByActive(false),
				this.employees.countByActiveTrueAndManagerIsNull(), groups(this.employees.countActiveByDepartment()),
				groups(this.employees.countActiveByLocation()));
	}

	private static List<Headcount.Group> groups(List<Object[]> rows) {
		return rows.stream().map((row) -> new Headcount.Group((String) row[0], ((Number) row[1]).longValue())).toList();
	}

	private static String containsPattern(String query) {
		if (!StringUtils.hasText(query)) {
			return "%";
		}
		String escaped = query.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static <T> T reference(org.springframework.data.jpa.repository.JpaRepository<T, Long> repository, Long id) {
		return (id != null) ? repository.getReferenceById(id) : null;
	}

}
