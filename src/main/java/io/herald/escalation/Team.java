package io.herald.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.DeliverySql;
import io.herald.announcement.Priority;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.SignedInPerson;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's view of their team: the acknowledgements their reports, direct and
 * indirect, still owe, and nudges. Only someone above a person in the manager chain may
 * nudge them, and a person hears at most one nudge per post a day (their local date),
 * however many managers press the button.
 */
@Service
@NamedInterface("api")
public class Team {

	static final int SHOWN = 200;

	// Nudging everyone at once stays one transaction of reasonable size.
	static final int NUDGE_ALL_LIMIT = 5_000;

	/**
	 * How many acknowledgements a manager's reports, direct and indirect, still owe.
	 */
	private static final String OUTSTANDING_COUNT = """
			with recursive reports (id, depth) as (
			  select e.id, 1 from employees e where e.manager_id = :manager
			  union all
			  select e.id, r.depth + 1 from employees e join reports r on e.manager_id = r.id
			  where r.depth < :maxDepth
			)
			select count(*)
			from (select id, min(depth) as depth from reports where id <> :manager group by id) r
			join employees e on e.id = r.id
			join deliveries d on d.employee_id = r.id
			join announcements a on a.id = d.announcement_id
			where e.active = true and a.status = 'PUBLISHED' and a.ack_required = true
			  and a.published_at <= :now and (a.expires_at is null or a.expires_at > :now)
			  and (d.acknowledged_at is null or d.acknowledged_revision is null
			       or d.acknowledged_revision < a.ack_revision)
			""";

	/**
	 * The acknowledgements a manager's reports still owe, overdue first, then by due
	 * time; each with the report's depth below the manager.
	 */
	private static final String OUTSTANDING = """
			with recursive reports (id, depth) as (
			  select e.id, 1 from employees e where e.manager_id = :manager
			  union all
			  select e.id, r.depth + 1 from employees e join reports r on e.manager_id = r.id
			  where r.depth < :maxDepth
			)
			select d.announcement_id, a.title, a.priority, d.employee_id, %1$s as due_at, e.time_zone, r.depth
			from (select id, min(depth) as depth from reports where id <> :manager group by id) r
			join employees e on e.id = r.id
			join deliveries d on d.employee_id = r.id
			join announcements a on a.id = d.announcement_id
			where e.active = true and a.status = 'PUBLISHED' and a.ack_required = true
			  and a.published_at <= :now and (a.expires_at is null or a.expires_at > :now)
			  and (d.acknowledged_at is null or d.acknowledged_revision is null
			       or d.acknowledged_revision < a.ack_revision)
			order by case when %1$s < :now then 0 else 1 end, %1$s nulls last, d.employee_id, d.announcement_id
			limit :limit
			""".formatted(DeliverySql.EFFECTIVE_DUE);

	/**
	 * One acknowledgement one person still owes.
	 */
	private static final String OWED = """
			select d.announcement_id, a.title, a.priority, d.employee_id, %s as due_at, e.time_zone, 1 as depth
			from deliveries d
			join announcements a on a.id = d.announcement_id
			join employees e on e.id = d.employee_id
			where d.announcement_id = :post and d.employee_id = :employee and e.active = true
			  and a.status = 'PUBLISHED' and a.ack_required = true
			  and a.published_at <= :now and (a.expires_at is null or a.expires_at > :now)
			  and (d.acknowledged_at is null or d.acknowledged_revision is null
			       or d.acknowledged_revision < a.ack_revision)
			""".formatted(DeliverySql.EFFECTIVE_DUE);

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final Notifications notifications;

	private final EmployeeDirectory directory;

	private final Clock clock;

	Team(NamedParameterJdbcTemplate jdbc, Notifications notifications, EmployeeDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.notifications = notifications;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Whether anyone reports to the caller, for showing the team page in the menu.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean callerHasReports() {
		return hasReports(Callers.require().employeeId());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public TeamView outstanding() {
		long manager = Callers.require().employeeId();
		if (!hasReports(manager)) {
			return new TeamView(false, List.of(), 0);
		}
		Instant now = this.clock.instant();
		long total = this.sql.sql(OUTSTANDING_COUNT)
			.param("manager", manager)
			.param("maxDepth", ManagerChain.MAX_DEPTH)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		List<Row> rows = rows(manager, now, SHOWN);
		Map<Long, EmployeeSummary> people = this.directory
			.findSummaries(rows.stream().map(Row::employeeId).distinct().toList());
		Set<String> nudged = nudgedToday(rows, now);
		List<OutstandingAck> outstanding = rows.stream().map((row) -> {
			EmployeeSummary person = people.get(row.employeeId());
			return new OutstandingAck(row.announcementId(), row.title(), row.priority(), row.employeeId(),
					(person != null) ? person.displayName() : "#" + row.employeeId(),
					(person != null) ? person.jobTitle() : null, row.dueAt(),
					row.dueAt() != null && row.dueAt().isBefore(now), row.depth(),
					nudged.contains(row.announcementId() + ":" + row.employeeId()));
		}).toList();
		return new TeamView(true, outstanding, total);
	}

	/**
	 * Reminds one report about one post, unless someone did today.
	 * @throws AccessDeniedException when the person does not report to the caller
	 * @throws ChangeRefused when they owe no acknowledgement of that post
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public Nudge nudge(long announcementId, long employeeId) {
		SignedInPerson caller = Callers.require();
		if (!answersFor(caller.employeeId(), employeeId)) {
			throw new AccessDeniedException("Employee " + employeeId + " does not report to the caller");
		}
		Instant now = this.clock.instant();
		List<Row> rows = this.sql.sql(OWED)
			.param("post", announcementId)
			.param("employee", employeeId)
			.param("now", Timestamp.from(now))
			.query(Row::of)
			.list();
		if (rows.isEmpty()) {
			throw new ChangeRefused("team.nudge.nothingOwed");
		}
		return send(caller, rows, now).isEmpty() ? Nudge.ALREADY_TODAY : Nudge.SENT;
	}

	/**
	 * Nudges every report about every post they owe an acknowledgement of (up to
	 * {@link #NUDGE_ALL_LIMIT}, overdue first), leaving out those nudged today.
	 * @return how many nudges went out
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public int nudgeAll() {
		SignedInPerson caller = Callers.require();
		Instant now = this.clock.instant();
		return send(caller, rows(caller.employeeId(), now, NUDGE_ALL_LIMIT), now).size();
	}

	// The nudge record is the throttle: inserted once per person, post and local
	// day, whatever the races; only what this transaction inserted is sent.
	private List<Row> send(SignedInPerson caller, List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Timestamp at = Timestamp.from(now);
		int[] inserted = this.jdbc.batchUpdate("""
				insert into escalation_nudges (announcement_id, employee_id, nudged_on, nudged_by, nudged_at)
				values (:post, :employee, :today, :by, :now)
				on conflict do nothing
				""", rows.stream()
			.map((row) -> new MapSqlParameterSource("post", row.announcementId()).addValue("employee", row.employeeId())
				.addValue("today", row.today(now))
				.addValue("by", caller.employeeId())
				.addValue("now", at))
			.toArray(SqlParameterSource[]::new));
		String by = this.directory.displayNames(List.of(caller.employeeId())).get(caller.employeeId());
		List<Row> sent = new ArrayList<>();
		List<Notice> notices = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (inserted[i] == 0) {
				continue;
			}
			Row row = rows.get(i);
			sent.add(row);
			boolean critical = row.priority() == Priority.CRITICAL;
			// In the inbox at once; a non-critical nudge's e-mail waits out the
			// report's quiet hours.
			notices.add(new Notice(row.employeeId(), NotificationKind.NUDGE, row.announcementId(), row.title(), by,
					"/announcements/" + row.announcementId(), critical,
					"nudge:" + row.announcementId() + ":" + row.employeeId() + ":" + row.today(now),
					critical ? null : QuietHours.release(now, row.zone())));
		}
		this.notifications.send(notices);
		return sent;
	}

	private List<Row> rows(long manager, Instant now, int limit) {
		return this.sql.sql(OUTSTANDING)
			.param("manager", manager)
			.param("maxDepth", ManagerChain.MAX_DEPTH)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Row::of)
			.list();
	}

	private Set<String> nudgedToday(List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return Set.of();
		}
		List<Long> people = rows.stream().map(Row::employeeId).distinct().toList();
		Set<String> recorded = new HashSet<>();
		this.sql.sql("""
				select announcement_id, employee_id, nudged_on from escalation_nudges
				where employee_id = any(:people) and nudged_on >= :since
				""")
			.param("people", people.toArray(Long[]::new))
			// Local dates lie within a day of UTC's.
			.param("since", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1))
			.query((rs) -> {
				recorded.add(rs.getLong("announcement_id") + ":" + rs.getLong("employee_id") + ":"
						+ rs.getObject("nudged_on", LocalDate.class));
			});
		Set<String> today = new HashSet<>();
		for (Row row : rows) {
			if (recorded.contains(row.announcementId() + ":" + row.employeeId() + ":" + row.today(now))) {
				today.add(row.announcementId() + ":" + row.employeeId());
			}
		}
		return today;
	}

	private boolean hasReports(long manager) {
		return this.sql.sql("""
				select case when exists (select 1 from employees where manager_id = :manager) then true else false end
				""").param("manager", manager).query(Boolean.class).single();
	}

	/**
	 * Whether a manager is anywhere above a person in the chain.
	 */
	boolean answersFor(long manager, long employeeId) {
		long found = this.sql.sql("""
				with recursive chain (id, manager_id, depth) as (
				  select id, manager_id, 0 from employees where id = :employee
				  union all
				  select e.id, e.manager_id, c.depth + 1 from employees e join chain c on e.id = c.manager_id
				  where c.depth < :maxDepth
				)
				select count(*) from chain where depth > 0 and id = :manager
				""")
			.param("employee", employeeId)
			.param("maxDepth", ManagerChain.MAX_DEPTH)
			.param("manager", manager)
			.query(Long.class)
			.single();
		return manager != employeeId && found > 0;
	}

	private record Row(long announcementId, String title, Priority priority, long employeeId, Instant dueAt,
			String timeZone, int depth) {

		static Row of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
			Timestamp due = rs.getTimestamp("due_at");
			return new Row(rs.getLong("announcement_id"), rs.getString("title"),
					Priority.valueOf(rs.getString("priority")), rs.getLong("employee_id"),
					(due != null) ? due.toInstant() : null, rs.getString("time_zone"), rs.getInt("depth"));
		}

		LocalDate today(Instant now) {
			return LocalDate.ofInstant(now, zone());
		}

		ZoneId zone() {
			try {
				return ZoneId.of(this.timeZone);
			}
			catch (DateTimeException ex) {
				return ZoneOffset.UTC;
			}
		}

	}

}
