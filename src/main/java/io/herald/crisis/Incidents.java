package io.herald.crisis;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.herald.announcement.CrisisAlerts;
import io.herald.announcement.Priority;
import io.herald.announcement.SystemAlert;
import io.herald.audit.AuditLog;
import io.herald.crisis.IncidentView.AfterAction;
import io.herald.crisis.IncidentView.LocationCount;
import io.herald.crisis.IncidentView.RosterPerson;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.Reachability;
import io.herald.notification.Inbox;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.InvalidChange;
import io.herald.shared.MultiLine;
import io.herald.shared.InvalidChange.Problem;
import io.herald.tracking.Receipts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: a plan activated for a scope sends a CRITICAL alert asking for a safety
 * check-in, the roster follows the answers, and resolving sends the all-clear and closes
 * check-ins. Every answer updates the person's one row in place, so counts are exact
 * under any concurrency and every app instance reads the same roster.
 */
@Service
public class Incidents {

	static final String CHANNEL_SLUG = "crisis-alerts";

	static final String DRILL = "DRILL";

	static final String HELP_ASKED = "crisis.link.HELP_ASKED";

	private static final int LIST_LIMIT = 200;

	private final JdbcTemplate jdbc;

	private final CrisisPlans plans;

	private final CrisisAlerts alerts;

	private final Receipts receipts;

	private final EmployeeDirectory directory;

	private final MessageSource messages;

	private final AuditLog audit;

	private final FollowUps followUps;

	private final Inbox inbox;

	private final Clock clock;

	Incidents(JdbcTemplate jdbc, CrisisPlans plans, CrisisAlerts alerts, Receipts receipts, EmployeeDirectory directory,
			MessageSource messages, AuditLog audit, FollowUps followUps, Inbox inbox, Clock clock) {
		this.jdbc = jdbc;
		this.followUps = followUps;
		this.inbox = inbox;
		this.plans = plans;
		this.alerts = alerts;
		this.receipts = receipts;
		this.directory = directory;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The activation form as it opens: the plan's default scope, and its initial alert
	 * with the placeholders filled in for that scope, now, in the caller's zone.
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional(readOnly = true)
	public Activation prepare(long planId) {
		return prepare(planId, null);
	}

	/**
	 * The alert for this scope, or the plan's default scope when {@code null}, from the
	 * plan's template with its placeholders filled for that scope.
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional(readOnly = true)
	public Activation prepare(long planId, IncidentScope chosen) {
		PlanView plan = this.plans.find(planId).orElseThrow(() -> new PlanNotFound(planId));
		IncidentScope scope = (chosen != null) ? chosen
				: new IncidentScope(plan.everyone(),
						plan.locations().stream().map(DirectoryOption::id).collect(Collectors.toSet()),
						plan.departments().stream().map(DirectoryOption::id).collect(Collectors.toSet()));
		MessageTemplate alert = plan.template(TemplateKind.INITIAL_ALERT);
		Map<String, String> values = values(plan, scope, this.clock.instant());
		return new Activation(scope, (alert != null) ? Placeholders.fill(alert.title(), values) : plan.title(),
				(alert != null) ? Placeholders.fill(alert.body(), values) : "", false);
	}

	/**
	 * How many people an alert to this scope would reach now: the rule the alert's
	 * fan-out follows. Unknown places and departments reach nobody.
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional(readOnly = true)
	public long reach(IncidentScope scope) {
		if (!scope.everyone() && scope.locationIds().isEmpty() && scope.departmentIds().isEmpty()) {
			return 0;
		}
		return this.alerts.systemAlertAudience(CHANNEL_SLUG, scope.departmentIds(), scope.locationIds());
	}

	/**
	 * Opens an incident and publishes its CRITICAL alert to the scope at once.
	 * @throws InvalidChange naming what to fix; nothing is saved or sent then
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional
	public OpenedIncident activate(long planId, Activation activation) {
		PlanView plan = this.plans.find(planId).orElseThrow(() -> new PlanNotFound(planId));
		// One open incident per plan: the plan's row lock makes a double-clicked
		// "Activate" (or two managers at once) send one alert, not two.
		this.jdbc.query("select id from crisis_plans where id = ? for update", (rs) -> {
		}, planId);
		if (Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select count(*) > 0 from crisis_incidents where plan_id = ? and status = 'OPEN'", Boolean.class,
				planId))) {
			throw new InvalidChange(null, "crisis.incident.alreadyOpen");
		}
		IncidentScope scope = activation.scope();
		List<Problem> problems = new ArrayList<>(
				scope.problems(ids(this.directory.locationOptions()), ids(this.directory.departmentOptions())));
		String title = strip(activation.title());
		String body = strip(activation.body());
		if (title == null || title.length() > 180) {
			problems.add(new Problem("title", "crisis.incident.title.invalid"));
		}
		if (body == null) {
			problems.add(new Problem("body", "crisis.incident.body.required"));
		}
		InvalidChange.refuseIfAny(problems);
		Instant now = this.clock.instant();
		Map<String, String> values = values(plan, scope, now);
		title = marked(Placeholders.fill(title, values), activation.drill());
		body = Placeholders.fill(body, values);
		if (title.length() > 200) {
			// Filled placeholders (long place names) can make it too long.
			InvalidChange.refuseIfAny(List.of(new Problem("title", "crisis.incident.title.invalid")));
		}
		long by = Callers.require().employeeId();
		KeyHolder keys = new GeneratedKeyHolder();
		String storedTitle = title;
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"insert into crisis_incidents (plan_id, plan_revision, title, everyone, drill, status, opened_by, "
							+ "opened_at) values (?, ?, ?, ?, ?, 'OPEN', ?, ?)",
					new String[] { "id" });
			statement.setLong(1, planId);
			statement.setInt(2, plan.revision());
			statement.setString(3, storedTitle);
			statement.setBoolean(4, scope.everyone());
			statement.setBoolean(5, activation.drill());
			statement.setLong(6, by);
			statement.setTimestamp(7, Timestamp.from(now));
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		List<Object[]> targets = new ArrayList<>();
		scope.locationIds().forEach((target) -> targets.add(new Object[] { id, "LOCATION", target }));
		scope.departmentIds().forEach((target) -> targets.add(new Object[] { id, "DEPARTMENT", target }));
		this.jdbc.batchUpdate("insert into crisis_incident_scope (incident_id, kind, target_id) values (?, ?, ?)",
				targets);
		SystemAlert.Published alert = this.alerts.publishSystemAlert(CHANNEL_SLUG, channelName(),
				new SystemAlert(title, body, Priority.CRITICAL, true, scope.departmentIds(), scope.locationIds(),
						"/crisis/incidents/" + id + "/check-in", true, activation.drill()));
		this.jdbc.update("update crisis_incidents set announcement_id = ?, recipients = ? where id = ?", alert.id(),
				alert.recipients(), id);
		// The roster is the alert's audience, as the fan-out just resolved it: one
		// row per recipient, written in one statement.
		this.jdbc.update("insert into crisis_check_ins (incident_id, employee_id, location_id, status) "
				+ "select ?, d.employee_id, d.location_id, 'NO_RESPONSE' from deliveries d "
				+ "where d.announcement_id = ?", id, alert.id());
		this.audit.record(activation.drill() ? "crisis.drill.opened" : "crisis.incident.opened", "crisis_incident", id,
				plan.title() + ": recipients=" + alert.recipients());
		return new OpenedIncident(id, alert.id(), alert.recipients());
	}

	/**
	 * Records the caller's answer given in the app, or changes it; answering the same
	 * again changes nothing but the time. Also acknowledges the alert, so tracking and
	 * escalation count the person as answered.
	 * @throws IncidentNotFound when the caller is not in the incident's scope
	 * @throws ChangeRefused when the incident is resolved
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void checkIn(long incidentId, CheckInStatus status, String note) {
		checkIn(incidentId, status, note, AnsweredVia.APP);
	}

	/**
	 * The same as {@link #checkIn(long, CheckInStatus, String)}, answered through the
	 * API, so reports can tell how answers came in.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void checkInThroughApi(long incidentId, CheckInStatus status, String note) {
		checkIn(incidentId, status, note, AnsweredVia.API);
	}

	private void checkIn(long incidentId, CheckInStatus status, String note, AnsweredVia via) {
		long employeeId = Callers.require().employeeId();
		long announcementId = record(incidentId, employeeId, status, note, via);
		this.receipts.acknowledgeCheckIn(announcementId);
		// Answered: the alert (and any reminder of it) waits in their inbox no more.
		this.inbox.markReadAbout(employeeId, announcementId);
	}

	/**
	 * Records the answer of someone who followed a verified one-click link; see
	 * {@link CheckInLinks}.
	 */
	void checkInByLink(long incidentId, long employeeId, CheckInStatus status, String note) {
		// A forwarded e-mail must not hide a call for help: once someone has said they
		// need help, only they, signed in, can say they are safe. The row lock orders
		// this with an answer arriving from the app at the same time.
		List<String> current = this.jdbc.queryForList(
				"select status from crisis_check_ins where incident_id = ? and employee_id = ? for update",
				String.class, incidentId, employeeId);
		if (status == CheckInStatus.SAFE && current.contains(CheckInStatus.NEED_HELP.name())) {
			throw new ChangeRefused(HELP_ASKED);
		}
		long announcementId = record(incidentId, employeeId, status, note, AnsweredVia.LINK);
		this.receipts.acknowledgeCheckInByLink(announcementId, employeeId);
		this.inbox.markReadAbout(employeeId, announcementId);
	}

	/**
	 * Writes the person's answer on their roster row; answers the alert's id.
	 */
	private long record(long incidentId, long employeeId, CheckInStatus status, String note, AnsweredVia via) {
		if (status == null || status == CheckInStatus.NO_RESPONSE) {
			throw new InvalidChange("status", "crisis.checkIn.status.required");
		}
		String cleaned = strip(note);
		if (cleaned != null && cleaned.length() > 500) {
			throw new InvalidChange("note", "crisis.checkIn.note.tooLong");
		}
		if (!MultiLine.Check.accepts(cleaned)) {
			throw new InvalidChange("note", "validation.multiLine");
		}
		// Someone who joined the alert's audience after activation (a transfer, a
		// new hire) received it as a late joiner: their delivery puts them on the
		// roster now, so they can answer and are counted.
		this.jdbc.update(
				"insert into crisis_check_ins (incident_id, employee_id, location_id, status) "
						+ "select i.id, d.employee_id, d.location_id, 'NO_RESPONSE' from crisis_incidents i "
						+ "join deliveries d on d.announcement_id = i.announcement_id and d.employee_id = ? "
						+ "where i.id = ? and i.status = 'OPEN' and not exists (select 1 from crisis_check_ins c "
						+ "where c.incident_id = i.id and c.employee_id = d.employee_id) on conflict do nothing",
				employeeId, incidentId);
		Object[] incident = this.jdbc
			.query("select i.status, i.announcement_id from crisis_incidents i join crisis_check_ins c "
					+ "on c.incident_id = i.id and c.employee_id = ? where i.id = ?",
					(rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }, employeeId, incidentId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IncidentNotFound(incidentId));
		if (!IncidentStatus.OPEN.name().equals(incident[0])) {
			throw new ChangeRefused("crisis.checkIn.closed");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.update(
				"update crisis_check_ins set status = ?, note = ?, answered_at = ?, "
						+ "first_answered_at = coalesce(first_answered_at, ?), answered_via = ? where incident_id = ? "
						+ "and employee_id = ? and exists (select 1 from crisis_incidents i where i.id = ? "
						+ "and i.status = 'OPEN')",
				status.name(), cleaned, now, now, via.name(), incidentId, employeeId, incidentId);
		if (updated == 0) {
			throw new ChangeRefused("crisis.checkIn.closed");
		}
		return (Long) incident[1];
	}

	/**
	 * The all-clear as the confirmation step shows it before resolving: the ALL_CLEAR
	 * template of the plan revision the incident runs, filled in for its scope, now.
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional(readOnly = true)
	public IncidentUpdate prepareAllClear(long incidentId) {
		Stored incident = stored(incidentId);
		MessageTemplate allClear = allClearTemplate(incident);
		Map<String, String> values = values(plan(incident), incident.scope(), this.clock.instant());
		return new IncidentUpdate(Placeholders.fill(allClear.title(), values),
				Placeholders.fill(allClear.body(), values));
	}

	/**
	 * Sends the plan's all-clear and resolves; see
	 * {@link #resolve(long, IncidentUpdate)}.
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional
	public int resolve(long incidentId) {
		return resolve(incidentId, null);
	}

	/**
	 * Sends the all-clear to everyone the alert reached, the way the alert went (in the
	 * app and by e-mail, whatever their preferences), closes check-ins, ends the alert
	 * (it leaves the banner and the top of the feed; no more reminders) and marks the
	 * incident resolved.
	 * @param allClear the words to send, or {@code null} for the plan's all-clear; either
	 * may be left {@code null} to take the plan's
	 * @return how many people were told
	 * @throws InvalidChange naming what to fix; nothing is sent or changed then
	 * @throws ChangeRefused when the incident is already resolved
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional
	public int resolve(long incidentId, IncidentUpdate allClear) {
		Stored incident = stored(incidentId);
		MessageTemplate template = allClearTemplate(incident);
		String title = (allClear != null && allClear.title() != null) ? strip(allClear.title()) : template.title();
		String body = (allClear != null && allClear.body() != null) ? strip(allClear.body()) : template.body();
		List<Problem> problems = new ArrayList<>();
		if (title == null || title.length() > 180) {
			problems.add(new Problem("title", "crisis.incident.title.invalid"));
		}
		if (body == null) {
			problems.add(new Problem("body", "crisis.allClear.body.required"));
		}
		InvalidChange.refuseIfAny(problems);
		Instant now = this.clock.instant();
		int updated = this.jdbc.update(
				"update crisis_incidents set status = 'RESOLVED', resolved_by = ?, resolved_at = ? "
						+ "where id = ? and status = 'OPEN'",
				Callers.require().employeeId(), Timestamp.from(now), incidentId);
		if (updated == 0) {
			throw new ChangeRefused("crisis.incident.alreadyResolved");
		}
		Map<String, String> values = values(plan(incident), incident.scope(), now);
		String sentTitle = marked(Placeholders.fill(title, values), incident.drill());
		String sentBody = Placeholders.fill(body, values);
		SystemAlert.Published sent = this.alerts.publishSystemAlert(CHANNEL_SLUG, channelName(),
				new SystemAlert(sentTitle, sentBody, Priority.IMPORTANT, false, incident.scope().departmentIds(),
						incident.scope().locationIds(), null, false, incident.drill()));
		this.jdbc.update("update crisis_incidents set all_clear_id = ? where id = ?", sent.id(), incidentId);
		int told = sent.recipients();
		if (incident.announcementId() != null) {
			told = this.followUps.tell(incident.announcementId(), sent.id(), sentTitle, sentBody);
			// The alert leaves the banner and escalation stops: nobody is asked to
			// check in once it is over.
			this.alerts.expireSystemAlert(CHANNEL_SLUG, incident.announcementId());
		}
		this.audit.record("crisis.incident.resolved", "crisis_incident", incidentId,
				incident.title() + ": recipients=" + told);
		return told;
	}

	private MessageTemplate allClearTemplate(Stored incident) {
		return this.jdbc
			.query("select kind, title, body from crisis_plan_templates where plan_id = ? and revision = ? "
					+ "and kind = 'ALL_CLEAR'",
					(rs, n) -> new MessageTemplate(TemplateKind.ALL_CLEAR, rs.getString(2), rs.getString(3)),
					incident.planId(), incident.planRevision())
			.stream()
			.findFirst()
			.orElse(new MessageTemplate(TemplateKind.ALL_CLEAR, message("crisis.incident.allClear.title"),
					message("crisis.incident.allClear.body")));
	}

	private PlanView plan(Stored incident) {
		return this.plans.find(incident.planId()).orElseThrow(() -> new PlanNotFound(incident.planId()));
	}

	/**
	 * The last 50 real incidents and the last 50 drills (drills keep a history of their
	 * own), open ones first, then the most recent.
	 */
	@PreAuthorize(CrisisPlans.READ)
	@Transactional(readOnly = true)
	public List<IncidentSummary> incidents() {
		List<IncidentSummary> all = new ArrayList<>(summaries(false));
		all.addAll(summaries(true));
		return all;
	}

	private List<IncidentSummary> summaries(boolean drill) {
		return this.jdbc.query("select i.id, i.title, i.drill, i.status, i.opened_at, i.resolved_at, i.recipients, "
				+ "(select count(*) from crisis_check_ins c where c.incident_id = i.id "
				+ "and c.status <> 'NO_RESPONSE') from crisis_incidents i where i.drill = ? "
				+ "order by case when i.status = 'OPEN' then 0 else 1 end, i.opened_at desc, i.id desc limit 50",
				(rs, n) -> new IncidentSummary(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
						IncidentStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
						instant(rs.getTimestamp(6)), rs.getInt(7), rs.getLong(8)),
				drill);
	}

	/**
	 * The live roster: counts read from the check-in rows on every call.
	 */
	@PreAuthorize(CrisisPlans.READ)
	@Transactional(readOnly = true)
	public IncidentView find(long incidentId) {
		Stored incident = stored(incidentId);
		Map<Long, String> locationNames = names(this.directory.locationOptions());
		Map<Long, String> departmentNames = names(this.directory.departmentOptions());
		Map<Long, long[]> byLocation = new LinkedHashMap<>();
		long[] totals = new long[3];
		this.jdbc.query("select location_id, status, count(*) from crisis_check_ins where incident_id = ? "
				+ "group by location_id, status", (rs) -> {
					Long location = rs.getObject(1, Long.class);
					int slot = CheckInStatus.valueOf(rs.getString(2)).ordinal();
					long count = rs.getLong(3);
					byLocation.computeIfAbsent(location, (l) -> new long[3])[slot] += count;
					totals[slot] += count;
				}, incidentId);
		List<LocationCount> locations = byLocation.entrySet().stream().map((entry) -> {
			long[] c = entry.getValue();
			return new LocationCount(locationNames.get(entry.getKey()), c[0] + c[1] + c[2], c[0], c[1], c[2]);
		})
			.sorted((a, b) -> Objects.toString(a.location(), "\uffff")
				.compareToIgnoreCase(Objects.toString(b.location(), "\uffff")))
			.toList();
		List<RosterRow> needHelp = rows(incidentId, "NEED_HELP", "answered_at desc", LIST_LIMIT);
		List<RosterRow> silent = rows(incidentId, "NO_RESPONSE", "employee_id", LIST_LIMIT);
		List<RosterRow> safe = rows(incidentId, "SAFE", "answered_at desc", 20);
		Set<Long> people = new HashSet<>();
		for (List<RosterRow> list : List.of(needHelp, silent, safe)) {
			list.forEach((row) -> people.add(row.employeeId()));
		}
		people.add(incident.openedBy());
		if (incident.resolvedBy() != null) {
			people.add(incident.resolvedBy());
		}
		Map<Long, Reachability> reach = this.directory.findReachability(people);
		Map<Long, EmployeeSummary> summaries = this.directory.findSummaries(people);
		Map<Long, String> managers = this.directory.displayNames(summaries.values()
			.stream()
			.map(EmployeeSummary::managerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		AfterAction afterAction = null;
		if (incident.resolvedAt() != null) {
			List<Instant> answers = this.jdbc.query(
					"select first_answered_at from crisis_check_ins where incident_id = ? "
							+ "and first_answered_at is not null order by first_answered_at",
					(rs, n) -> rs.getTimestamp(1).toInstant(), incidentId);
			afterAction = afterAction(incident.openedAt(), answers, incident.recipients(), totals[1]);
		}
		return new IncidentView(incidentId, incident.planId(), incident.title(), incident.drill(), incident.status(),
				name(reach, incident.openedBy()), incident.openedAt(),
				(incident.resolvedBy() != null) ? name(reach, incident.resolvedBy()) : null, incident.resolvedAt(),
				incident.announcementId(), sortedNames(incident.scope().locationIds(), locationNames),
				sortedNames(incident.scope().departmentIds(), departmentNames), incident.recipients(), totals[0],
				totals[1], totals[2], locations, people(needHelp, reach, summaries, managers, locationNames),
				people(silent, reach, summaries, managers, locationNames), Math.max(0, totals[2] - silent.size()),
				people(safe, reach, summaries, managers, locationNames), afterAction);
	}

	/**
	 * How long until half, 90 % and all of the recipients had first answered.
	 */
	static AfterAction afterAction(Instant openedAt, List<Instant> firstAnswers, int recipients, long needHelp) {
		return new AfterAction(mark(openedAt, firstAnswers, recipients, 50),
				mark(openedAt, firstAnswers, recipients, 90), mark(openedAt, firstAnswers, recipients, 100), needHelp);
	}

	private static Duration mark(Instant openedAt, List<Instant> sorted, int recipients, int percent) {
		if (recipients == 0) {
			return null;
		}
		int needed = (int) Math.ceil(recipients * percent / 100.0);
		if (needed == 0 || sorted.size() < needed) {
			return null;
		}
		return Duration.between(openedAt, sorted.get(needed - 1));
	}

	private List<RosterRow> rows(long incidentId, String status, String order, int limit) {
		return this.jdbc.query(
				"select employee_id, location_id, note, answered_at from crisis_check_ins where incident_id = ? "
						+ "and status = ? order by " + order + " limit " + limit,
				(rs, n) -> new RosterRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
						instant(rs.getTimestamp(4))),
				incidentId, status);
	}

	private static List<RosterPerson> people(List<RosterRow> rows, Map<Long, Reachability> reach,
			Map<Long, EmployeeSummary> summaries, Map<Long, String> managers, Map<Long, String> locations) {
		return rows.stream().map((row) -> {
			Reachability r = reach.get(row.employeeId());
			EmployeeSummary summary = summaries.get(row.employeeId());
			Long manager = (summary != null) ? summary.managerId() : null;
			return new RosterPerson(row.employeeId(), name(reach, row.employeeId()),
					(row.locationId() != null) ? locations.get(row.locationId()) : null, (r != null) ? r.phone() : null,
					(r != null) ? r.mobile() : null, (manager != null) ? managers.get(manager) : null, row.note(),
					row.answeredAt());
		}).toList();
	}

	Stored stored(long incidentId) {
		Stored incident = this.jdbc
			.query("select plan_id, plan_revision, title, everyone, drill, status, opened_by, opened_at, resolved_by, "
					+ "resolved_at, announcement_id, recipients from crisis_incidents where id = ?",
					(rs, n) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
							rs.getBoolean(5), IncidentStatus.valueOf(rs.getString(6)), rs.getLong(7),
							rs.getTimestamp(8).toInstant(), rs.getObject(9, Long.class), instant(rs.getTimestamp(10)),
							rs.getObject(11, Long.class), rs.getInt(12), null),
					incidentId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IncidentNotFound(incidentId));
		Set<Long> locations = new TreeSet<>();
		Set<Long> departments = new TreeSet<>();
		this.jdbc.query("select kind, target_id from crisis_incident_scope where incident_id = ?", (rs) -> {
			("LOCATION".equals(rs.getString(1)) ? locations : departments).add(rs.getLong(2));
		}, incidentId);
		return incident.withScope(new IncidentScope(incident.everyone(), locations, departments));
	}

	Map<String, String> values(PlanView plan, IncidentScope scope, Instant at) {
		ZoneId sender = Callers.current().map((caller) -> caller.timeZone()).orElse(this.clock.getZone());
		ZoneId zone = IncidentTime.zone(scope, plan.locations().stream().map(DirectoryOption::id).toList(),
				this.directory.locations(), sender);
		Person lead = plan.team()
			.stream()
			.filter((member) -> member.role() == TeamRole.LEAD)
			.map(TeamMember::person)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(plan.owner());
		Map<String, String> values = new HashMap<>();
		values.put("plan", plan.title());
		values.put("location",
				scope.locationText(names(this.directory.locationOptions()), message("crisis.incident.allLocations")));
		values.put("time", IncidentTime.time(at, zone, LocaleContextHolder.getLocale()));
		values.put("date", IncidentTime.date(at, zone));
		values.put("severity", message("crisis.severity." + plan.severity().name()));
		if (lead != null) {
			values.put("lead", lead.displayName());
			values.put("contact", firstOf(lead.mobile(), lead.phone(), lead.email()));
		}
		return values;
	}

	static String marked(String title, boolean drill) {
		return drill ? DRILL + ": " + title : title;
	}

	String channelName() {
		return message("crisis.incident.channel");
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private static String firstOf(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "";
	}

	private static String name(Map<Long, Reachability> reach, long id) {
		Reachability r = reach.get(id);
		return (r != null) ? r.displayName() : "";
	}

	private static List<String> sortedNames(Set<Long> ids, Map<Long, String> names) {
		return ids.stream().map(names::get).filter(Objects::nonNull).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	private static Set<Long> ids(List<DirectoryOption> options) {
		return options.stream().map(DirectoryOption::id).collect(Collectors.toSet());
	}

	private static Map<Long, String> names(List<DirectoryOption> options) {
		return options.stream().collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
	}

	static String strip(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record RosterRow(long employeeId, Long locationId, String note, Instant answeredAt) {

	}

	record Stored(long planId, int planRevision, String title, boolean everyone, boolean drill, IncidentStatus status,
			long openedBy, Instant openedAt, Long resolvedBy, Instant resolvedAt, Long announcementId, int recipients,
			IncidentScope scope) {

		Stored withScope(IncidentScope scope) {
			return new Stored(this.planId, this.planRevision, this.title, this.everyone, this.drill, this.status,
					this.openedBy, this.openedAt, this.resolvedBy, this.resolvedAt, this.announcementId,
					this.recipients, scope);
		}

	}

}
