package io.herald.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.herald.audit.AuditLog;
import io.herald.directory.InvalidDirectoryChange.Problem;
import io.herald.shared.Emails;
import io.herald.shared.ForHrAndAdmins;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * What HR and administrators do to the directory: add, change, deactivate and reactivate
 * people, keep departments and locations. Every change writes an audit entry in the same
 * transaction; people who join, move or leave are announced to the other modules.
 */
@Service
@ForHrAndAdmins
public class DirectoryAdministration {

	private final EmployeeRepository employees;

	private final DepartmentRepository departments;

	private final LocationRepository locations;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final NamedParameterJdbcTemplate jdbc;

	DirectoryAdministration(EmployeeRepository employees, DepartmentRepository departments,
			LocationRepository locations, ApplicationEventPublisher events, AuditLog audit, Clock clock,
			NamedParameterJdbcTemplate jdbc) {
		this.employees = employees;
		this.departments = departments;
		this.locations = locations;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional
	public long addPerson(PersonDetails details) {
		PersonDetails cleaned = clean(details);
		List<Problem> problems = new ArrayList<>(DirectoryRules.check(cleaned));
		if (this.employees.existsByEmail(cleaned.email())) {
			problems.add(new Problem("email", "directory.email.taken"));
		}
		if (cleaned.employeeNumber() != null && this.employees.existsByEmployeeNumber(cleaned.employeeNumber())) {
			problems.add(new Problem("employeeNumber", "directory.employeeNumber.taken"));
		}
		Employee manager = manager(cleaned, null, problems);
		InvalidDirectoryChange.refuseIfAny(problems);
		Instant now = this.clock.instant();
		Employee employee = new Employee(new NewEmployee(cleaned.email(), cleaned.employeeNumber(), cleaned.firstName(),
				cleaned.lastName(), cleaned.preferredName(), cleaned.jobTitle(), null, null, null, cleaned.phone(),
				cleaned.mobile(), cleaned.timeZone(), cleaned.language(), cleaned.skills(), cleaned.startDate()),
				department(cleaned.departmentId()), location(cleaned.locationId()), manager, now);
		long id = this.employees.save(employee).getId();
		this.audit.record("directory.person.added", "employee", id, cleaned.email());
		this.events.publishEvent(new EmployeesJoined(List.of(id)));
		return id;
	}

	@Transactional
	public void changePerson(long id, PersonDetails details) {
		Employee employee = this.employees.findProfileById(id).orElseThrow(() -> notFound());
		if (employee.getVersion() != details.version()) {
			throw new InvalidDirectoryChange(List.of(new Problem(null, "directory.edit.concurrent")));
		}
		PersonDetails cleaned = clean(details);
		List<Problem> problems = new ArrayList<>(DirectoryRules.check(cleaned));
		if (!cleaned.email().equals(employee.getEmail()) && this.employees.existsByEmail(cleaned.email())) {
			problems.add(new Problem("email", "directory.email.taken"));
		}
		if (cleaned.employeeNumber() != null && !cleaned.employeeNumber().equals(employee.getEmployeeNumber())
				&& this.employees.existsByEmployeeNumber(cleaned.employeeNumber())) {
			problems.add(new Problem("employeeNumber", "directory.employeeNumber.taken"));
		}
		Employee manager = manager(cleaned, id, problems);
		InvalidDirectoryChange.refuseIfAny(problems);
		String before = describe(employee);
		Long departmentBefore = (employee.getDepartment() != null) ? employee.getDepartment().getId() : null;
		Long locationBefore = (employee.getLocation() != null) ? employee.getLocation().getId() : null;
		employee.change(cleaned, department(cleaned.departmentId()), location(cleaned.locationId()), manager,
				this.clock.instant());
		this.audit.record("directory.person.changed", "employee", id, before + " -> " + describe(employee));
		if (employee.isActive() && (!Objects.equals(departmentBefore, cleaned.departmentId())
				|| !Objects.equals(locationBefore, cleaned.locationId()))) {
			this.events.publishEvent(new EmployeesMoved(List.of(id)));
		}
	}

	/**
	 * A leaver: out of every future audience, unable to sign in; their history stays.
	 */
	@Transactional
	public void deactivate(long id) {
		Employee employee = this.employees.findById(id).orElseThrow(() -> notFound());
		if (employee.isActive()) {
			employee.deactivate(this.clock.instant());
			this.audit.record("directory.person.deactivated", "employee", id, employee.getEmail());
			this.events.publishEvent(new EmployeesLeft(List.of(id)));
		}
	}

	@Transactional
	public void reactivate(long id) {
		Employee employee = this.employees.findById(id).orElseThrow(() -> notFound());
		if (!employee.isActive()) {
			employee.reactivate(this.clock.instant());
			this.audit.record("directory.person.reactivated", "employee", id, employee.getEmail());
			this.events.publishEvent(new EmployeesReturned(List.of(id)));
		}
	}

	/**
	 * Creates a department or, with an id, renames it and appoints its head (by e-mail;
	 * blank for none).
	 */
	@Transactional
	public long saveDepartment(Long id, String name, String headEmail) {
		String cleanName = (name != null) ? name.strip() : "";
		List<Problem> problems = new ArrayList<>();
		if (cleanName.isEmpty() || cleanName.length() > 120) {
			problems.add(new Problem("name", "directory.department.name.invalid"));
		}
		this.departments.findByNameIgnoreCase(cleanName)
			.filter((other) -> !other.getId().equals(id))
			.ifPresent((other) -> problems.add(new Problem("name", "directory.department.name.taken")));
		Employee head = null;
		if (StringUtils.hasText(headEmail)) {
			head = this.employees.findByEmail(Emails.normalize(headEmail)).filter(Employee::isActive).orElse(null);
			if (head == null) {
				problems.add(new Problem("headEmail", "directory.person.unknown"));
			}
		}
		InvalidDirectoryChange.refuseIfAny(problems);
		Department department = (id != null) ? this.departments.findById(id).orElseThrow(() -> notFound())
				: new Department(cleanName, this.clock.instant());
		boolean renamed = id != null && !department.getName().equals(cleanName);
		department.rename(cleanName);
		department.appointHead(head);
		long savedId = this.departments.save(department).getId();
		if (renamed) {
			refreshSearchTexts(this.employees.findByDepartmentId(savedId));
		}
		this.audit.record((id != null) ? "directory.department.changed" : "directory.department.added", "department",
				savedId, cleanName);
		return savedId;
	}

	/**
	 * Creates a location or, with an id, renames it and changes its time zone.
	 */
	@Transactional
	public long saveLocation(Long id, String name, ZoneId timeZone) {
		String cleanName = (name != null) ? name.strip() : "";
		List<Problem> problems = new ArrayList<>();
		if (cleanName.isEmpty() || cleanName.length() > 120) {
			problems.add(new Problem("name", "directory.location.name.invalid"));
		}
		if (timeZone == null) {
			problems.add(new Problem("timeZone", "directory.timeZone.invalid"));
		}
		this.locations.findByNameIgnoreCase(cleanName)
			.filter((other) -> !other.getId().equals(id))
			.ifPresent((other) -> problems.add(new Problem("name", "directory.location.name.taken")));
		InvalidDirectoryChange.refuseIfAny(problems);
		Location location = (id != null) ? this.locations.findById(id).orElseThrow(() -> notFound())
				: new Location(cleanName, timeZone, this.clock.instant());
		boolean renamed = id != null && !location.getName().equals(cleanName);
		location.change(cleanName, timeZone);
		long savedId = this.locations.save(location).getId();
		if (renamed) {
			refreshSearchTexts(this.employees.findByLocationId(savedId));
		}
		this.audit.record((id != null) ? "directory.location.changed" : "directory.location.added", "location", savedId,
				cleanName + " " + timeZone);
		return savedId;
	}

	/**
	 * After a rename, the people's search text in one batch, and without touching their
	 * version: an edit form open on one of them must not fail because their department
	 * was renamed.
	 */
	private void refreshSearchTexts(List<Employee> people) {
		this.jdbc.batchUpdate("update employees set search_text = :searchText where id = :id",
				people.stream()
					.map((e) -> new MapSqlParameterSource("searchText", e.searchText()).addValue("id", e.getId()))
					.toArray(SqlParameterSource[]::new));
	}

	private Employee manager(PersonDetails details, Long personId, List<Problem> problems) {
		if (!StringUtils.hasText(details.managerEmail())) {
			return null;
		}
		Optional<Employee> manager = this.employees.findByEmail(Emails.normalize(details.managerEmail()));
		if (manager.isEmpty()) {
			problems.add(new Problem("managerEmail", "directory.person.unknown"));
			return null;
		}
		long managerId = manager.get().getId();
		if (personId != null
				&& (managerId == personId || this.employees.findManagerChainIds(managerId).contains(personId))) {
			problems.add(new Problem("managerEmail", "directory.manager.cycle"));
			return null;
		}
		return manager.get();
	}

	private Department department(Long id) {
		return (id != null) ? this.departments.findById(id)
			.orElseThrow(() -> new InvalidDirectoryChange(List.of(new Problem("departmentId", "directory.unknown"))))
				: null;
	}

	private Location location(Long id) {
		return (id != null) ? this.locations.findById(id)
			.orElseThrow(() -> new InvalidDirectoryChange(List.of(new Problem("locationId", "directory.unknown"))))
				: null;
	}

	private static PersonDetails clean(PersonDetails d) {
		return new PersonDetails(Emails.normalize(d.email()), blankToNull(d.employeeNumber()), strip(d.firstName()),
				strip(d.lastName()), blankToNull(d.preferredName()), blankToNull(d.jobTitle()), d.departmentId(),
				d.locationId(), blankToNull(d.managerEmail()), blankToNull(d.phone()), blankToNull(d.mobile()),
				d.timeZone(), d.language(), cleanSkills(d.skills()), d.startDate(), d.version());
	}

	private static String cleanSkills(String skills) {
		String joined = String.join(";", EmployeeDirectory.skills(skills));
		return joined.isEmpty() ? null : joined;
	}

	private static String describe(Employee e) {
		return e.getEmail() + " / " + e.getJobTitle() + " / "
				+ ((e.getDepartment() != null) ? e.getDepartment().getName() : "-") + " / "
				+ ((e.getLocation() != null) ? e.getLocation().getName() : "-") + " / manager "
				+ ((e.getManager() != null) ? e.getManager().getEmail() : "-");
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	private static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

	private static DirectoryEntryNotFound notFound() {
		return new DirectoryEntryNotFound();
	}

}
