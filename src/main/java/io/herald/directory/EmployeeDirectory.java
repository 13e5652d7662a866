package io.herald.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.herald.audit.AuditLog;
import io.herald.directory.InvalidDirectoryChange.Problem;
import io.herald.shared.Emails;
import io.herald.shared.Text;
import io.herald.shared.Zones;
import jakarta.persistence.criteria.JoinType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The directory's public face: look people up, browse the organisation, keep it right.
 */
@Service
public class EmployeeDirectory {

	private static final String HR_OR_ADMIN = "hasAnyRole('HR', 'ADMIN')";

	// Normally one person heads the organisation; a directory without managers
	// must not put everyone on the chart's first page.
	private static final int TOP_OF_CHART = 50;

	private final EmployeeRepository employees;

	private final DepartmentRepository departments;

	private final LocationRepository locations;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	EmployeeDirectory(EmployeeRepository employees, DepartmentRepository departments, LocationRepository locations,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.employees = employees;
		this.departments = departments;
		this.locations = locations;
		this.events = events;
		this.audit = audit;
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
	 * Adds a person to the directory and returns their id. Used for seeding and the first
	 * administrator; HR adds people with {@link #addPerson}.
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

	/**
	 * Who signs in as this person, in one primary-key read and no transaction: for an API
	 * client with a personal access token, on every request, so it needs no authenticated
	 * caller.
	 */
	public Optional<SignInProfile> findSignInProfile(long id) {
		return JdbcClient.create(this.jdbc)
			.sql("""
					select id, email, first_name, last_name, preferred_name, active, time_zone, language
					from employees where id = :id""")
			.param("id", id)
			.query((rs, row) -> new SignInProfile(rs.getLong("id"), rs.getString("email"),
					PersonName
						.display(rs.getString("first_name"), rs.getString("last_name"), rs.getString("preferred_name")),
					rs.getBoolean("active"),
					new PersonalSettings(ZoneId.of(rs.getString("time_zone")),
							Locale.forLanguageTag(rs.getString("language")))))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<PersonalSettings> findSettings(long employeeId) {
		return this.employees.findById(employeeId)
			.map((e) -> new PersonalSettings(e.getTimeZone(), Locale.forLanguageTag(e.getLanguage())));
	}

	/**
	 * How to reach each of these people, for mail sent in the background (so no caller is
	 * needed). Ids not in the directory are missing from the map.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Contact> findContacts(Collection<Long> ids) {
		Map<Long, Contact> contacts = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += 1000) {
			List<Long> chunk = distinct.subList(from, Math.min(from + 1000, distinct.size()));
			this.jdbc.query("select id, email, first_name, last_name, preferred_name, language, time_zone, active "
					+ "from employees where id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
					(rs) -> {
						contacts.put(rs.getLong(1),
								new Contact(rs.getLong(1), rs.getString(2),
										PersonName.display(rs.getString(3), rs.getString(4), rs.getString(5)),
										rs.getString(6), zone(rs.getString(7)), rs.getBoolean(8)));
					}, chunk.toArray());
		}
		return contacts;
	}

	/**
	 * How to reach each of these people (e-mail, phone, mobile) and whether they are
	 * active, for checking contact chains. Ids not in the directory are missing.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Reachability> findReachability(Collection<Long> ids) {
		Map<Long, Reachability> found = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += 1000) {
			List<Long> chunk = distinct.subList(from, Math.min(from + 1000, distinct.size()));
			this.jdbc.query("select id, first_name, last_name, preferred_name, email, phone, mobile, active "
					+ "from employees where id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
					(rs) -> {
						found.put(rs.getLong(1),
								new Reachability(rs.getLong(1),
										PersonName.display(rs.getString(2), rs.getString(3), rs.getString(4)),
										rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
					}, chunk.toArray());
		}
		return found;
	}

	/**
	 * A person's profile. People who left are visible to HR and administrators only.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<EmployeeProfile> findProfile(long id) {
		return this.employees.findProfileById(id).filter((e) -> e.isActive() || callerIsHr()).map((e) -> {
			List<Long> chainIds = this.employees.findManagerChainIds(id);
			Map<Long, EmployeeSummary> chain = summaries(chainIds);
			List<EmployeeSummary> managers = chainIds.stream()
				.map(chain::get)
				.filter(Objects::nonNull)
				.filter((m) -> m.active() || callerIsHr())
				.toList();
			List<EmployeeSummary> reports = this.employees.findActiveReports(id)
				.stream()
				.map(Employee::toSummary)
				.toList();
			return new EmployeeProfile(e.toSummary(), e.getFirstName(), e.getLastName(), e.getPreferredName(),
					e.getEmployeeNumber(), e.getPhone(), e.getMobile(), e.getTimeZone(), e.getLanguage(),
					skills(e.getSkills()), e.getStartDate(),
					(e.getDepartment() != null) ? e.getDepartment().getId() : null,
					(e.getLocation() != null) ? e.getLocation().getId() : null, managers, reports, e.getVersion());
		});
	}

	/**
	 * Where a person sits, for deciding which audiences they are in.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<Placement> findPlacement(long id) {
		return this.jdbc
			.query("select id, department_id, location_id, active from employees where id = ?",
					(rs, row) -> new Placement(rs.getLong(1), (Long) rs.getObject(2, Long.class),
							(Long) rs.getObject(3, Long.class), rs.getBoolean(4)),
					id)
			.stream()
			.findFirst();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<Long, EmployeeSummary> findSummaries(Collection<Long> ids) {
		return summaries(ids);
	}

	/**
	 * People's display names by id, for notifications that background jobs write (so no
	 * caller is needed): names only, nothing else about them.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> displayNames(Collection<Long> ids) {
		List<Long> all = List.copyOf(ids);
		Map<Long, String> names = new HashMap<>();
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(from + 1000, all.size()));
			this.jdbc.query("select id, first_name, last_name, preferred_name from employees where id in ("
					+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", (rs) -> {
						names.put(rs.getLong(1), PersonName.display(rs.getString(2), rs.getString(3), rs.getString(4)));
					}, chunk.toArray());
		}
		return names;
	}

	/**
	 * People whose name or e-mail contains the query, in the order the pageable asks for.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<EmployeeSummary> search(String query, Pageable pageable) {
		return search(new DirectorySearch(query, null, null, true), pageable);
	}

	/**
	 * The directory search: every word of the query must appear in a person's names,
	 * e-mail, job title, skills, department or location, diacritics and case ignored.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<EmployeeSummary> search(DirectorySearch search, Pageable pageable) {
		return this.employees.findAll(specification(search), pageable).map(Employee::toSummary);
	}

	/**
	 * A page of the search for API clients, in id order after a cursor (the last id
	 * seen).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<EmployeeSummary> searchAfter(DirectorySearch search, long afterId, int limit) {
		Specification<Employee> after = (root, query, cb) -> cb.greaterThan(root.get("id"), afterId);
		return this.employees.findAll(specification(search).and(after), PageRequest.of(0, limit, Sort.by("id")))
			.map(Employee::toSummary)
			.getContent();
	}

	/**
	 * The org chart around a person (or from the top): the chain above, the person, and
	 * two levels of reports, each with how many reports it has so the rest can be opened
	 * on demand.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<OrgChart> orgChart(Long aroundId) {
		List<Employee> focus;
		long moreAtTop = 0;
		List<EmployeeSummary> above = List.of();
		if (aroundId == null) {
			focus = this.employees.findActiveTop(PageRequest.of(0, TOP_OF_CHART));
			if (focus.size() == TOP_OF_CHART) {
				moreAtTop = Math.max(0, this.employees.countByActiveTrueAndManagerIsNull() - focus.size());
			}
		}
		else {
			Optional<Employee> person = this.employees.findProfileById(aroundId).filter(Employee::isActive);
			if (person.isEmpty()) {
				return Optional.empty();
			}
			focus = List.of(person.get());
			List<Long> chainIds = this.employees.findManagerChainIds(aroundId);
			Map<Long, EmployeeSummary> chain = summaries(chainIds);
			List<Long> fromTop = new ArrayList<>(chainIds);
			Collections.reverse(fromTop);
			above = fromTop.stream()
				.map(chain::get)
				.filter(Objects::nonNull)
				.filter((m) -> m.active() || callerIsHr())
				.toList();
		}
		return Optional.of(new OrgChart(above, levels(focus, 2), moreAtTop));
	}

	/**
	 * One more level of the org chart: a manager's direct reports with their report
	 * counts.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<OrgChart.Node> reportsOf(long managerId) {
		return levels(this.employees.findActiveReports(managerId), 0);
	}

	@PreAuthorize("principal instanceof T(io.herald.shared.SignedInPerson) and #employeeId == principal.employeeId")
	@Transactional
	public void changeOwnDetails(long employeeId, OwnDetails details) {
		OwnDetails cleaned = new OwnDetails(blankToNull(details.preferredName()), blankToNull(details.phone()),
				blankToNull(details.mobile()), details.timeZone(), details.language());
		refuseIfAny(DirectoryRules.check(cleaned));
		Employee employee = this.employees.findById(employeeId).orElseThrow();
		employee.changeOwnDetails(cleaned, this.clock.instant());
		this.audit.record("directory.person.self-updated", "employee", employeeId, null);
	}

	@PreAuthorize(HR_OR_ADMIN)
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
		refuseIfAny(problems);
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

	@PreAuthorize(HR_OR_ADMIN)
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
		refuseIfAny(problems);
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
	@PreAuthorize(HR_OR_ADMIN)
	@Transactional
	public void deactivate(long id) {
		Employee employee = this.employees.findById(id).orElseThrow(() -> notFound());
		if (employee.isActive()) {
			employee.deactivate(this.clock.instant());
			this.audit.record("directory.person.deactivated", "employee", id, employee.getEmail());
			this.events.publishEvent(new EmployeesLeft(List.of(id)));
		}
	}

	@PreAuthorize(HR_OR_ADMIN)
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
	 * Departments by name, without counting anyone: cheap enough for every search
	 * keystroke.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DirectoryOption> departmentOptions() {
		return this.departments.findAll(Sort.by("name"))
			.stream()
			.map((d) -> new DirectoryOption(d.getId(), d.getName()))
			.toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DirectoryOption> locationOptions() {
		return this.locations.findAllByOrderByName()
			.stream()
			.map((l) -> new DirectoryOption(l.getId(), l.getName()))
			.toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DepartmentView> departments() {
		Map<Long, Long> people = counts(this.employees.countActivePerDepartmentId());
		return this.departments.findAllWithHeads()
			.stream()
			.map((d) -> new DepartmentView(d.getId(), d.getName(),
					(d.getHead() != null) ? d.getHead().toSummary() : null, people.getOrDefault(d.getId(), 0L)))
			.toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<LocationView> locations() {
		Map<Long, Long> people = counts(this.employees.countActivePerLocationId());
		return this.locations.findAllByOrderByName()
			.stream()
			.map((l) -> new LocationView(l.getId(), l.getName(), l.getTimeZone(), people.getOrDefault(l.getId(), 0L)))
			.toList();
	}

	/**
	 * Creates a department or, with an id, renames it and appoints its head (by e-mail;
	 * blank for none).
	 */
	@PreAuthorize(HR_OR_ADMIN)
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
		refuseIfAny(problems);
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
	@PreAuthorize(HR_OR_ADMIN)
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
		refuseIfAny(problems);
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

	@PreAuthorize("hasAnyRole('HR', 'COMMS_MANAGER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Headcount headcount() {
		return new Headcount(this.employees.countByActive(true), this.employees.countByActive(false),
				this.employees.countByActiveTrueAndManagerIsNull(), groups(this.employees.countActiveByDepartment()),
				groups(this.employees.countActiveByLocation()));
	}

	/**
	 * After a rename, the people's search text in one batch, and without touching their
	 * version: an edit form open on one of them must not fail because their department
	 * was renamed.
	 */
	private void refreshSearchTexts(List<Employee> people) {
		this.jdbc.batchUpdate("update employees set search_text = ? where id = ?",
				people.stream().map((e) -> new Object[] { e.searchText(), e.getId() }).toList());
	}

	private List<OrgChart.Node> levels(List<Employee> people, int depth) {
		List<Long> ids = people.stream().map(Employee::getId).toList();
		Map<Long, Long> reportCounts = ids.isEmpty() ? Map.of() : counts(this.employees.countActiveReports(ids));
		Map<Long, List<OrgChart.Node>> below = new HashMap<>();
		if (depth > 0 && !ids.isEmpty()) {
			List<Employee> reports = this.employees.findActiveReportsOf(ids);
			List<OrgChart.Node> nodes = levels(reports, depth - 1);
			for (int i = 0; i < reports.size(); i++) {
				below.computeIfAbsent(reports.get(i).getManager().getId(), (k) -> new ArrayList<>()).add(nodes.get(i));
			}
		}
		return people.stream()
			.map((e) -> new OrgChart.Node(e.toSummary(), reportCounts.getOrDefault(e.getId(), 0L),
					below.getOrDefault(e.getId(), List.of())))
			.toList();
	}

	private Specification<Employee> specification(DirectorySearch search) {
		List<Specification<Employee>> parts = new ArrayList<>();
		if (!(search.includeInactive() && callerIsHr())) {
			parts.add((root, query, cb) -> cb.isTrue(root.get("active")));
		}
		for (String word : Text.searchable(search.query()).split(" ")) {
			if (!word.isEmpty()) {
				String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				parts.add((root, query, cb) -> cb.like(root.get("searchText"), pattern, '\\'));
			}
		}
		if (search.departmentId() != null) {
			parts.add((root, query, cb) -> cb.equal(root.join("department", JoinType.LEFT).get("id"),
					search.departmentId()));
		}
		if (search.locationId() != null) {
			parts.add(
					(root, query, cb) -> cb.equal(root.join("location", JoinType.LEFT).get("id"), search.locationId()));
		}
		return Specification.allOf(parts);
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

	private Map<Long, EmployeeSummary> summaries(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.employees.findSummariesByIdIn(ids)
			.stream()
			.map(Employee::toSummary)
			.collect(Collectors.toMap(EmployeeSummary::id, Function.identity()));
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
		String joined = String.join(";", skills(skills));
		return joined.isEmpty() ? null : joined;
	}

	static List<String> skills(String skills) {
		if (skills == null) {
			return List.of();
		}
		return Arrays.stream(skills.split(";")).map(String::strip).filter((s) -> !s.isEmpty()).distinct().toList();
	}

	private static String describe(Employee e) {
		return e.getEmail() + " / " + e.getJobTitle() + " / "
				+ ((e.getDepartment() != null) ? e.getDepartment().getName() : "-") + " / "
				+ ((e.getLocation() != null) ? e.getLocation().getName() : "-") + " / manager "
				+ ((e.getManager() != null) ? e.getManager().getEmail() : "-");
	}

	private static void refuseIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidDirectoryChange(problems);
		}
	}

	private static boolean callerIsHr() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((a) -> a.equals("ROLE_HR") || a.equals("ROLE_ADMIN"));
	}

	private static Map<Long, Long> counts(List<Object[]> rows) {
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : rows) {
			counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
		}
		return counts;
	}

	private static List<Headcount.Group> groups(List<Object[]> rows) {
		return rows.stream().map((row) -> new Headcount.Group((String) row[0], ((Number) row[1]).longValue())).toList();
	}

	private static ZoneId zone(String name) {
		return Zones.parse(name).orElse(ZoneOffset.UTC);
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

	private static <T> T reference(JpaRepository<T, Long> repository, Long id) {
		return (id != null) ? repository.getReferenceById(id) : null;
	}

}
