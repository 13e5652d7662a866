package io.herald.crisis;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.InvalidChange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crisis plans: comms managers and administrators write them, HR reads them too. Every
 * save adds a revision (the earlier ones stay, with who saved them and what changed); a
 * save based on an older version is refused and changes nothing.
 */
@Service
public class CrisisPlans {

	private static final String CURRENT_BY_ID = """
			select p.id, p.current_revision, p.version, p.last_reviewed_on, r.title, r.scenario, r.severity,
			       r.owner_id, r.media, r.everyone, r.review_interval_days
			from crisis_plans p
			join crisis_plan_revisions r on r.plan_id = p.id and r.revision = p.current_revision
			where p.id = :id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final EmployeeDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	private final ReviewRule reviews;

	CrisisPlans(NamedParameterJdbcTemplate jdbc, EmployeeDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.reviews = new ReviewRule(clock);
	}

	/**
	 * Every plan by title, with its flags. A fixed number of statements, whatever the
	 * number of plans.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public List<PlanSummary> plans() {
		List<Row> rows = this.sql.sql("""
				select p.id, p.current_revision, p.version, p.last_reviewed_on, r.title, r.scenario, r.severity,
				       r.owner_id, r.media, r.everyone, r.review_interval_days
				from crisis_plans p
				join crisis_plan_revisions r on r.plan_id = p.id and r.revision = p.current_revision
				order by lower(r.title), p.id
				""").query(Row::of).list();
		Map<Long, List<PlanContent.Seat>> seats = seats(this.sql.sql("""
				select t.plan_id, t.team_role, t.member_id, t.deputy_id
				from crisis_plan_team t
				join crisis_plans p on p.id = t.plan_id and p.current_revision = t.revision
				"""));
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

	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public Optional<PlanView> find(long id) {
		return this.sql.sql(CURRENT_BY_ID).param("id", id).query(Row::of).optional().map(this::view);
	}

	/**
	 * The plan's revisions, newest first.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public List<PlanRevision> history(long id) {
		List<Saved> rows = this.sql.sql("""
				select revision, changed_by, changed_at, changes from crisis_plan_revisions
				where plan_id = :plan
				order by revision desc
				""")
			.param("plan", id)
			.query((rs, n) -> new Saved(rs.getInt("revision"), rs.getObject("changed_by", Long.class),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("changes")))
			.list();
		Map<Long, String> names = this.directory
			.displayNames(rows.stream().map(Saved::by).filter((by) -> by != null).distinct().toList());
		return rows.stream()
			.map((row) -> new PlanRevision(row.revision(), (row.by() != null) ? names.get(row.by()) : null, row.at(),
					Arrays.asList(row.changes().split(","))))
			.toList();
	}

	/**
	 * @return the new plan's id
	 * @throws InvalidChange naming each field that needs fixing
	 */
	@ForCommsAndAdmins
	@Transactional
	public long create(PlanDraft draft) {
		PlanContent content = check(draft);
		LocalDate reviewed = (draft.lastReviewedOn() != null) ? draft.lastReviewedOn() : LocalDate.now(this.clock);
		if (reviewed.isAfter(LocalDate.now(this.clock))) {
			throw new InvalidChange("lastReviewedOn", "crisis.plan.lastReviewed.future");
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql.sql("""
				insert into crisis_plans (current_revision, last_reviewed_on, created_at) values (1, :reviewed, :now)
				""")
			.param("reviewed", Date.valueOf(reviewed))
			.param("now", Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
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
	@ForCommsAndAdmins
	@Transactional
	public void change(long id, long version, PlanDraft draft) {
		Row row = this.sql.sql(CURRENT_BY_ID)
			.param("id", id)
			.query(Row::of)
			.optional()
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
		int updated = this.sql.sql("""
				update crisis_plans set current_revision = :next, version = version + 1
				where id = :id and version = :version
				""").param("next", next).param("id", id).param("version", version).update();
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
	@ForCommsAndAdmins
	@Transactional
	public void markReviewed(long id, long version) {
		LocalDate today = LocalDate.now(this.clock);
		int updated = this.sql.sql("""
				update crisis_plans set last_reviewed_on = :today, last_reviewed_by = :by, version = version + 1
				where id = :id and version = :version
				""")
			.param("today", Date.valueOf(today))
			.param("by", Callers.require().employeeId())
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			if (this.sql.sql("select id from crisis_plans where id = :id")
				.param("id", id)
				.query(Long.class)
				.list()
				.isEmpty()) {
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
		this.sql.sql("""
				insert into crisis_plan_revisions (plan_id, revision, title, scenario, severity, owner_id, media,
				                                   everyone, review_interval_days, changed_by, changed_at, changes)
				values (:plan, :revision, :title, :scenario, :severity, :owner, :media,
				        :everyone, :reviewIntervalDays, :by, :now, :changes)
				""")
			.param("plan", id)
			.param("revision", revision)
			.param("title", content.title())
			.param("scenario", content.scenario().name())
			.param("severity", content.severity().name())
			.param("owner", content.ownerId())
			.param("media", String.join(",", content.media().stream().map(Medium::name).toList()))
			.param("everyone", content.everyone())
			.param("reviewIntervalDays", content.reviewIntervalDays())
			.param("by", by)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("changes", String.join(",", changes))
			.update();
		this.jdbc.batchUpdate("""
				insert into crisis_plan_team (plan_id, revision, team_role, member_id, deputy_id)
				values (:plan, :revision, :role, :member, :deputy)
				""",
				content.team()
					.stream()
					.map((seat) -> revisionRow(id, revision).addValue("role", seat.role().name())
						.addValue("member", seat.memberId())
						.addValue("deputy", seat.deputyId()))
					.toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> steps = new ArrayList<>();
		for (int i = 0; i < content.steps().size(); i++) {
			ChecklistStep step = content.steps().get(i);
			steps.add(revisionRow(id, revision).addValue("order", i + 1)
				.addValue("description", step.description())
				.addValue("role", step.role().name()));
		}
		this.jdbc.batchUpdate("""
				insert into crisis_plan_steps (plan_id, revision, step_order, description, team_role)
				values (:plan, :revision, :order, :description, :role)
				""", steps.toArray(SqlParameterSource[]::new));
		this.jdbc.batchUpdate("""
				insert into crisis_plan_templates (plan_id, revision, kind, title, body)
				values (:plan, :revision, :kind, :title, :body)
				""",
				content.templates()
					.stream()
					.map((t) -> revisionRow(id, revision).addValue("kind", t.kind().name())
						.addValue("title", t.title())
						.addValue("body", t.body()))
					.toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> scope = new ArrayList<>();
		content.locationIds()
			.forEach((target) -> scope
				.add(revisionRow(id, revision).addValue("kind", "LOCATION").addValue("target", target)));
		content.departmentIds()
			.forEach((target) -> scope
				.add(revisionRow(id, revision).addValue("kind", "DEPARTMENT").addValue("target", target)));
		this.jdbc.batchUpdate(
				"""
						insert into crisis_plan_scope (plan_id, revision, kind, target_id) values (:plan, :revision, :kind, :target)
						""",
				scope.toArray(SqlParameterSource[]::new));
	}

	private static MapSqlParameterSource revisionRow(long planId, int revision) {
		return new MapSqlParameterSource("plan", planId).addValue("revision", revision);
	}

	private PlanContent content(Row row) {
		List<PlanContent.Seat> seats = seats(this.sql.sql("""
				select plan_id, team_role, member_id, deputy_id from crisis_plan_team
				where plan_id = :plan and revision = :revision
				""").param("plan", row.id()).param("revision", row.revision())).getOrDefault(row.id(), List.of());
		List<ChecklistStep> steps = this.sql.sql("""
				select description, team_role from crisis_plan_steps
				where plan_id = :plan and revision = :revision
				order by step_order
				""")
			.param("plan", row.id())
			.param("revision", row.revision())
			.query((rs, n) -> new ChecklistStep(rs.getString("description"),
					TeamRole.valueOf(rs.getString("team_role"))))
			.list();
		List<MessageTemplate> templates = new ArrayList<>(this.sql.sql("""
				select kind, title, body from crisis_plan_templates where plan_id = :plan and revision = :revision
				""")
			.param("plan", row.id())
			.param("revision", row.revision())
			.query((rs, n) -> new MessageTemplate(TemplateKind.valueOf(rs.getString("kind")), rs.getString("title"),
					rs.getString("body")))
			.list());
		templates.sort((a, b) -> a.kind().compareTo(b.kind()));
		TreeSet<Long> locations = new TreeSet<>();
		TreeSet<Long> departments = new TreeSet<>();
		this.sql.sql("select kind, target_id from crisis_plan_scope where plan_id = :plan and revision = :revision")
			.param("plan", row.id())
			.param("revision", row.revision())
			.query((rs) -> {
				("LOCATION".equals(rs.getString("kind")) ? locations : departments).add(rs.getLong("target_id"));
			});
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

	private static Map<Long, List<PlanContent.Seat>> seats(StatementSpec statement) {
		Map<Long, List<PlanContent.Seat>> seats = new LinkedHashMap<>();
		statement.query((rs) -> {
			seats.computeIfAbsent(rs.getLong("plan_id"), (id) -> new ArrayList<>())
				.add(new PlanContent.Seat(TeamRole.valueOf(rs.getString("team_role")), rs.getLong("member_id"),
						rs.getObject("deputy_id", Long.class)));
		});
		seats.values().forEach((list) -> list.sort((a, b) -> a.role().compareTo(b.role())));
		return seats;
	}

	private record Row(long id, int revision, long version, LocalDate lastReviewedOn, String title, Scenario scenario,
			Severity severity, long ownerId, List<Medium> media, boolean everyone, int reviewIntervalDays) {

		static Row of(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getLong("id"), rs.getInt("current_revision"), rs.getLong("version"),
					rs.getDate("last_reviewed_on").toLocalDate(), rs.getString("title"),
					Scenario.valueOf(rs.getString("scenario")), Severity.valueOf(rs.getString("severity")),
					rs.getLong("owner_id"),
					Arrays.stream(rs.getString("media").split(",")).map(Medium::valueOf).toList(),
					rs.getBoolean("everyone"), rs.getInt("review_interval_days"));
		}

	}

	private record Saved(int revision, Long by, Instant at, String changes) {

	}

}
