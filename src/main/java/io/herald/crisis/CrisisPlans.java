package io.herald.crisis;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.herald.audit.AuditLog;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.Reachability;
import io.herald.shared.Callers;
import io.herald.shared.InvalidChange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crisis plans: comms managers and administrators write them, HR reads them too. Every
 * save adds a revision (the earlier ones stay, with who saved them and what changed); a
 * save based on an older version is refused and changes nothing.
 */
@Service
public class CrisisPlans {

	static final String READ = "hasAnyRole('COMMS_MANAGER', 'HR', 'ADMIN')";

	static final String EDIT = "hasAnyRole('COMMS_MANAGER', 'ADMIN')";

	private static final String CURRENT = "select p.id, p.current_revision, p.version, p.last_reviewed_on, r.title, "
			+ "r.scenario, r.severity, r.owner_id, r.media, r.everyone, r.review_interval_days "
			+ "from crisis_plans p join crisis_plan_revisions r on r.plan_id = p.id "
			+ "and r.revision = p.current_revision ";

	private final JdbcTemplate jdbc;

	private final EmployeeDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	private final ReviewRule reviews;

	CrisisPlans(JdbcTemplate jdbc, EmployeeDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.reviews = new ReviewRule(clock);
	}

	/**
	 * Every plan by title, with its flags. A fixed number of statements, whatever the
	 * number of plans.
	 */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<PlanSummary> plans() {
		List<Row> rows = this.jdbc.query(CURRENT + "order by lower(r.title), p.id", Row::of);
		Map<Long, List<PlanContent.Seat>> seats = seats(
				"select t.plan_id, t.team_role, t.member_id, t.deputy_id from crisis_plan_team t "
						+ "join crisis_plans p on p.id = t.plan_id and p.current_revision = t.revision");
		Set<Long> ids = new HashSet<>();
		rows.forEach((row) -> ids.add(row.ownerId()));
		seats.values().forEach((list) -> list.forEach((seat) -> addIds(ids, seat)));
		Map<Long, Person> people = people(ids);
		return rows.stream().map((row) -> {
			List<TeamMember> team = team(seats.getOrDefault(row.id(), List.of()), people);
			return new PlanSummary(row.id(), row.title(), row.scenario(), row.severity(), people.get(row.ownerId()),
					row.revision(), flags(row, team));
		}).toList();
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public Optional<PlanView> find(long id) {
		return this.jdbc.query(CURRENT + "where p.id = ?", Row::of, id).stream().findFirst().map(this::view);
	}

	/**
	 * The plan's revisions, newest first.
	 */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<PlanRevision> history(long id) {
		List<Object[]> rows = this.jdbc.query(
				"select revision, changed_by, changed_at, changes from crisis_plan_revisions where plan_id = ? "
						+ "order by revision desc",
				(rs, n) -> new Object[] { rs.getInt(1), rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant(),
						rs.getString(4) },
				id);
		Map<Long, String> names = this.directory
			.displayNames(rows.stream().map((row) -> (Long) row[1]).filter((by) -> by != null).distinct().toList());
		return rows.stream()
			.map((row) -> new PlanRevision((Integer) row[0], (row[1] != null) ? names.get((Long) row[1]) : null,
					(java.time.Instant) row[2], Arrays.asList(((String) row[3]).split(","))))
			.toList();
	}

	/**
	 * @return the new plan's id
	 * @throws InvalidChange naming each field that needs fixing
	 */
	@PreAuthorize(EDIT)
	@Transactional
	public long create(PlanDraft draft) {
		PlanContent content = check(draft);
		LocalDate reviewed = (draft.lastReviewedOn() != null) ? draft.lastReviewedOn() : LocalDate.now(this.clock);
		if (reviewed.isAfter(LocalDate.now(this.clock))) {
			throw new InvalidChange("lastReviewedOn", "crisis.plan.lastReviewed.future");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"insert into crisis_plans (current_revision, last_reviewed_on, created_at) values (1, ?, ?)",
					new String[] { "id" });
			statement.setDate(1, Date.valueOf(reviewed));
			statement.setTimestamp(2, now);
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		insertRevision(id, 1, content, content.changesSince(null));
		this.audit.record("crisis.plan.created", "crisis_plan", id, content.title());
		return id;
	}

	/**
	 * Saves a new revision of a plan, keeping the earlier ones.
	 * @param version the version the person edited
	 * @throws InvalidChange naming each field that needs fixing, or (with no field) when
	 * someone else changed the plan since it was opened; nothing is changed then
	 */
	@PreAuthorize(EDIT)
	@Transactional
	public void change(long id, long version, PlanDraft draft) {
		Row row = this.jdbc.query(CURRENT + "where p.id = ?", Row::of, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new PlanNotFound(id));
		if (row.version() != version) {
			throw new InvalidChange(null, "crisis.plan.concurrent");
		}
		PlanContent content = check(draft);
		PlanContent before = content(row);
		List<String> changes = content.changesSince(before);
		if (changes.isEmpty()) {
			return;
		}
		int next = row.revision() + 1;
		int updated = this.jdbc.update(
				"update crisis_plans set current_revision = ?, version = version + 1 where id = ? and version = ?",
				next, id, version);
		if (updated == 0) {
			throw new InvalidChange(null, "crisis.plan.concurrent");
		}
		insertRevision(id, next, content, changes);
		this.audit.record("crisis.plan.changed", "crisis_plan", id,
				"revision " + next + " of " + content.title() + ": " + String.join(", ", changes));
	}

	/**
	 * Records that the plan was reviewed today: the review clock starts again.
	 */
	@PreAuthorize(EDIT)
	@Transactional
	public void markReviewed(long id, long version) {
		LocalDate today = LocalDate.now(this.clock);
		int updated = this.jdbc.update(
				"update crisis_plans set last_reviewed_on = ?, last_reviewed_by = ?, "
						+ "version = version + 1 where id = ? and version = ?",
				Date.valueOf(today), Callers.require().employeeId(), id, version);
		if (updated == 0) {
			if (this.jdbc.queryForList("select id from crisis_plans where id = ?", Long.class, id).isEmpty()) {
				throw new PlanNotFound(id);
			}
			throw new InvalidChange(null, "crisis.plan.concurrent");
		}
		this.audit.record("crisis.plan.reviewed", "crisis_plan", id, "reviewed on " + today);
	}

	private PlanContent check(PlanDraft draft) {
		PlanRules rules = new PlanRules(this.directory::findByEmail);
		PlanContent content = rules.check(draft);
		InvalidChange.refuseIfAny(rules.problems());
		return content;
	}

	private void insertRevision(long id, int revision, PlanContent content, List<String> changes) {
		Long by = Callers.current().map((caller) -> caller.employeeId()).orElse(null);
		this.jdbc.update(
				"insert into crisis_plan_revisions (plan_id, revision, title, scenario, severity, owner_id, "
						+ "media, everyone, review_interval_days, changed_by, changed_at, changes) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				id, revision, content.title(), content.scenario().name(), content.severity().name(), content.ownerId(),
				String.join(",", content.media().stream().map(Medium::name).toList()), content.everyone(),
				content.reviewIntervalDays(), by, Timestamp.from(this.clock.instant()), String.join(",", changes));
		this.jdbc.batchUpdate(
				"insert into crisis_plan_team (plan_id, revision, team_role, member_id, deputy_id) values (?, ?, ?, ?, ?)",
				content.team()
					.stream()
					.map((seat) -> new Object[] { id, revision, seat.role().name(), seat.memberId(), seat.deputyId() })
					.toList());
		List<Object[]> steps = new ArrayList<>();
		for (int i = 0; i < content.steps().size(); i++) {
			ChecklistStep step = content.steps().get(i);
			steps.add(new Object[] { id, revision, i + 1, step.description(), step.role().name() });
		}
		this.jdbc.batchUpdate("insert into crisis_plan_steps (plan_id, revision, step_order, description, team_role) "
				+ "values (?, ?, ?, ?, ?)", steps);
		this.jdbc.batchUpdate(
				"insert into crisis_plan_templates (plan_id, revision, kind, title, body) values (?, ?, ?, ?, ?)",
				content.templates()
					.stream()
					.map((t) -> new Object[] { id, revision, t.kind().name(), t.title(), t.body() })
					.toList());
		List<Object[]> scope = new ArrayList<>();
		content.locationIds().forEach((target) -> scope.add(new Object[] { id, revision, "LOCATION", target }));
		content.departmentIds().forEach((target) -> scope.add(new Object[] { id, revision, "DEPARTMENT", target }));
		this.jdbc.batchUpdate("insert into crisis_plan_scope (plan_id, revision, kind, target_id) values (?, ?, ?, ?)",
				scope);
	}

	private PlanContent content(Row row) {
		List<PlanContent.Seat> seats = seats("select plan_id, team_role, member_id, deputy_id from crisis_plan_team "
				+ "where plan_id = ? and revision = ?", row.id(), row.revision())
			.getOrDefault(row.id(), List.of());
		List<ChecklistStep> steps = this.jdbc.query(
				"select description, team_role from crisis_plan_steps where plan_id = ? and revision = ? "
						+ "order by step_order",
				(rs, n) -> new ChecklistStep(rs.getString(1), TeamRole.valueOf(rs.getString(2))), row.id(),
				row.revision());
		List<MessageTemplate> templates = new ArrayList<>(this.jdbc.query(
				"select kind, title, body from crisis_plan_templates where plan_id = ? and revision = ?",
				(rs, n) -> new MessageTemplate(TemplateKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
				row.id(), row.revision()));
		templates.sort((a, b) -> a.kind().compareTo(b.kind()));
		TreeSet<Long> locations = new TreeSet<>();
		TreeSet<Long> departments = new TreeSet<>();
		this.jdbc.query("select kind, target_id from crisis_plan_scope where plan_id = ? and revision = ?", (rs) -> {
			("LOCATION".equals(rs.getString(1)) ? locations : departments).add(rs.getLong(2));
		}, row.id(), row.revision());
		return new PlanContent(row.title(), row.scenario(), row.severity(), row.ownerId(), seats, List.copyOf(steps),
				List.copyOf(templates), row.media(), row.everyone(), locations, departments, row.reviewIntervalDays());
	}

	private PlanView view(Row row) {
		PlanContent content = content(row);
		Set<Long> ids = new HashSet<>();
		ids.add(row.ownerId());
		content.team().forEach((seat) -> addIds(ids, seat));
		Map<Long, Person> people = people(ids);
		List<TeamMember> team = team(content.team(), people);
		return new PlanView(row.id(), row.revision(), row.version(), row.title(), row.scenario(), row.severity(),
				people.get(row.ownerId()), team, content.steps(), content.templates(), content.media(), row.everyone(),
				named(this.directory.locationOptions(), content.locationIds()),
				named(this.directory.departmentOptions(), content.departmentIds()), row.reviewIntervalDays(),
				row.lastReviewedOn(), flags(row, team));
	}

	private PlanFlags flags(Row row, List<TeamMember> team) {
		return this.reviews.flags(row.lastReviewedOn(), row.reviewIntervalDays(), ContactChainRule.problems(team));
	}

	private static List<DirectoryOption> named(List<DirectoryOption> options, Set<Long> ids) {
		return options.stream().filter((option) -> ids.contains(option.id())).toList();
	}

	private static List<TeamMember> team(List<PlanContent.Seat> seats, Map<Long, Person> people) {
		return seats.stream()
			.map((seat) -> new TeamMember(seat.role(), people.get(seat.memberId()),
					(seat.deputyId() != null) ? people.get(seat.deputyId()) : null))
			.toList();
	}

	private Map<Long, Person> people(Collection<Long> ids) {
		Map<Long, Person> people = new HashMap<>();
		for (Reachability r : this.directory.findReachability(ids).values()) {
			people.put(r.id(), new Person(r.id(), r.displayName(), r.email(), r.phone(), r.mobile(), r.active()));
		}
		return people;
	}

	private static void addIds(Set<Long> ids, PlanContent.Seat seat) {
		ids.add(seat.memberId());
		if (seat.deputyId() != null) {
			ids.add(seat.deputyId());
		}
	}

	private Map<Long, List<PlanContent.Seat>> seats(String sql, Object... arguments) {
		Map<Long, List<PlanContent.Seat>> seats = new LinkedHashMap<>();
		this.jdbc.query(sql, (rs) -> {
			seats.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new PlanContent.Seat(TeamRole.valueOf(rs.getString(2)), rs.getLong(3),
						rs.getObject(4, Long.class)));
		}, arguments);
		seats.values().forEach((list) -> list.sort((a, b) -> a.role().compareTo(b.role())));
		return seats;
	}

	private record Row(long id, int revision, long version, LocalDate lastReviewedOn, String title, Scenario scenario,
			Severity severity, long ownerId, List<Medium> media, boolean everyone, int reviewIntervalDays) {

		static Row of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
			return new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getString(5),
					Scenario.valueOf(rs.getString(6)), Severity.valueOf(rs.getString(7)), rs.getLong(8),
					Arrays.stream(rs.getString(9).split(",")).map(Medium::valueOf).toList(), rs.getBoolean(10),
					rs.getInt(11));
		}

	}

}
