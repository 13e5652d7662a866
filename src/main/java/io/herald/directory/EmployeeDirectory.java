package io.herald.directory;

import java.time.Clock;
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
import io.herald.shared.Callers;
import io.herald.shared.Emails;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.Role;
import io.herald.shared.Text;
import io.herald.shared.Zones;
import jakarta.persistence.criteria.JoinType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The directory's public face: look people up and browse the organisation; people change
 * their own details here. HR keeps the directory right through
 * {@link DirectoryAdministration}.
 */
@Service
@NamedInterface("api")
public class EmployeeDirectory {

	// Normally one person heads the organisation; a directory without managers
	// must not put everyone on the chart's first page.
	private static final int TOP_OF_CHART = 50;

	private final EmployeeRepository employees;

	private final DepartmentRepository departments;

	private final LocationRepository locations;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	EmployeeDirectory(EmployeeRepository employees, DepartmentRepository departments, LocationRepository locations,
			AuditLog audit, Clock clock, JdbcClient jdbc) {
		this.employees = employees;
		this.departments = departments;
		this.locations = locations;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
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
	 * administrator; HR adds people with {@link DirectoryAdministration#addPerson}.
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
		return this.jdbc.sql("""
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
		if (ids.isEmpty()) {
			return contacts;
		}
		this.jdbc.sql("""
				select id, email, first_name, last_name, preferred_name, language, time_zone, active
				from employees where id = any(:ids)""")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query((rs) -> {
				long id = rs.getLong("id");
				contacts.put(id,
						new Contact(id, rs.getString("email"),
								PersonName.display(rs.getString("first_name"), rs.getString("last_name"),
										rs.getString("preferred_name")),
								rs.getString("language"), zone(rs.getString("time_zone")), rs.getBoolean("active")));
			});
		return contacts;
	}

	/**
	 * How to reach each of these people (e-mail, phone, mobile) and whether they are
	 * active, for checking contact chains. Ids not in the directory are missing.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Reachability> findReachability(Collection<Long> ids) {
		Map<Long, Reachability> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select id, first_name, last_name, preferred_name, email, phone, mobile, active
				from employees where id = any(:ids)""")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query((rs) -> {
				long id = rs.getLong("id");
				found.put(id,
						new Reachability(id,
								PersonName.display(rs.getString("first_name"), rs.getString("last_name"),
										rs.getString("preferred_name")),
								rs.getString("email"), rs.getString("phone"), rs.getString("mobile"),
								rs.getBoolean("active")));
			});
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
		return this.jdbc.sql("select id, department_id, location_id, active from employees where id = :id")
			.param("id", id)
			.query((rs, row) -> new Placement(rs.getLong("id"), rs.getObject("department_id", Long.class),
					rs.getObject("location_id", Long.class), rs.getBoolean("active")))
			.optional();
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
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, first_name, last_name, preferred_name from employees where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				names.put(rs.getLong("id"), PersonName.display(rs.getString("first_name"), rs.getString("last_name"),
						rs.getString("preferred_name")));
			});
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
		InvalidDirectoryChange.refuseIfAny(DirectoryRules.check(cleaned));
		Employee employee = this.employees.findById(employeeId).orElseThrow();
		employee.changeOwnDetails(cleaned, this.clock.instant());
		this.audit.record("directory.person.self-updated", "employee", employeeId, null);
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

	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public Headcount headcount() {
		return new Headcount(this.employees.countByActive(true), this.employees.countByActive(false),
				this.employees.countByActiveTrueAndManagerIsNull(), groups(this.employees.countActiveByDepartment()),
				groups(this.employees.countActiveByLocation()));
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

	private Map<Long, EmployeeSummary> summaries(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.employees.findSummariesByIdIn(ids)
			.stream()
			.map(Employee::toSummary)
			.collect(Collectors.toMap(EmployeeSummary::id, Function.identity()));
	}

	static List<String> skills(String skills) {
		if (skills == null) {
			return List.of();
		}
		return Arrays.stream(skills.split(";")).map(String::strip).filter((s) -> !s.isEmpty()).distinct().toList();
	}

	private static boolean callerIsHr() {
		return Callers.hasAnyRole(Role.HR, Role.ADMIN);
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

	private static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

	private static <T> T reference(JpaRepository<T, Long> repository, Long id) {
		return (id != null) ? repository.getReferenceById(id) : null;
	}

}
