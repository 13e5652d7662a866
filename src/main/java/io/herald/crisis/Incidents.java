package io.herald.crisis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.announcement.CrisisAlerts;
import io.herald.announcement.Priority;
import io.herald.announcement.SystemAlert;
import io.herald.audit.AuditLog;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.notification.Inbox;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.MultiLine;
import io.herald.shared.InvalidChange.Problem;
import io.herald.tracking.Receipts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: a plan activated for a scope sends a CRITICAL alert asking for a safety
 * check-in, people answer, and resolving sends the all-clear and closes check-ins. Every
 * answer updates the person's one row in place, so counts are exact under any concurrency
 * and every app instance reads the same roster ({@link IncidentRoster}).
 */
@Service
public class Incidents {

	static final String CHANNEL_SLUG = "crisis-alerts";

	static final String DRILL = "DRILL";

	static final String HELP_ASKED = "crisis.link.HELP_ASKED";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final CrisisPlans plans;

	private final CrisisAlerts alerts;

	private final Receipts receipts;

	private final EmployeeDirectory directory;

	private final MessageSource messages;

	private final AuditLog audit;

	private final FollowUps followUps;

	private final StoredIncidents stored;

	private final Inbox inbox;

	private final Clock clock;

	Incidents(NamedParameterJdbcTemplate jdbc, CrisisPlans plans, CrisisAlerts alerts, Receipts receipts,
			EmployeeDirectory directory, MessageSource messages, AuditLog audit, FollowUps followUps,
			StoredIncidents stored, Inbox inbox, Clock clock) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.followUps = followUps;
		this.stored = stored;
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
	@ForCommsAndAdmins
	@Transactional(readOnly = true)
	public Activation prepare(long planId) {
		return prepare(planId, null);
	}

	/**
	 * The alert for this scope, or the plan's default scope when {@code null}, from the
	 * plan's template with its placeholders filled for that scope.
	 */
	@ForCommsAndAdmins
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
	@ForCommsAndAdmins
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
	@ForCommsAndAdmins
	@Transactional
	public OpenedIncident activate(long planId, Activation activation) {
		PlanView plan = this.plans.find(planId).orElseThrow(() -> new PlanNotFound(planId));
		// One open incident per plan: the plan's row lock makes a double-clicked
		// "Activate" (or two managers at once) send one alert, not two.
		this.sql.sql("select id from crisis_plans where id = :plan for update").param("plan", planId).query((rs) -> {
		});
		if (this.sql.sql("select count(*) > 0 from crisis_incidents where plan_id = :plan and status = 'OPEN'")
			.param("plan", planId)
			.query(Boolean.class)
			.single()) {
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
		this.sql
			.sql("""
					insert into crisis_incidents (plan_id, plan_revision, title, everyone, drill, status, opened_by, opened_at)
					values (:plan, :revision, :title, :everyone, :drill, 'OPEN', :by, :now)
					""")
			.param("plan", planId)
			.param("revision", plan.revision())
			.param("title", title)
			.param("everyone", scope.everyone())
			.param("drill", activation.drill())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<SqlParameterSource> targets = new ArrayList<>();
		scope.locationIds().forEach((target) -> targets.add(target(id, "LOCATION", target)));
		scope.departmentIds().forEach((target) -> targets.add(target(id, "DEPARTMENT", target)));
		this.jdbc.batchUpdate("""
				insert into crisis_incident_scope (incident_id, kind, target_id) values (:incident, :kind, :target)
				""", targets.toArray(SqlParameterSource[]::new));
		SystemAlert.Published alert = this.alerts.publishSystemAlert(CHANNEL_SLUG, channelName(),
				new SystemAlert(title, body, Priority.CRITICAL, true, scope.departmentIds(), scope.locationIds(),
						"/crisis/incidents/" + id + "/check-in", true, activation.drill()));
		this.sql.sql("update crisis_incidents set announcement_id = :alert, recipients = :recipients where id = :id")
			.param("alert", alert.id())
			.param("recipients", alert.recipients())
			.param("id", id)
			.update();
		// The roster is the alert's audience, as the fan-out just resolved it: one
		// row per recipient, written in one statement.
		this.sql.sql("""
				insert into crisis_check_ins (incident_id, employee_id, location_id, status)
				select :incident, d.employee_id, d.location_id, 'NO_RESPONSE' from deliveries d
				where d.announcement_id = :alert
				""").param("incident", id).param("alert", alert.id()).update();
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
		List<String> current = this.sql.sql("""
				select status from crisis_check_ins where incident_id = :incident and employee_id = :employee for update
				""").param("incident", incidentId).param("employee", employeeId).query(String.class).list();
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
		this.sql.sql("""
				insert into crisis_check_ins (incident_id, employee_id, location_id, status)
				select i.id, d.employee_id, d.location_id, 'NO_RESPONSE'
				from crisis_incidents i
				join deliveries d on d.announcement_id = i.announcement_id and d.employee_id = :employee
				where i.id = :incident and i.status = 'OPEN'
				  and not exists (select 1 from crisis_check_ins c
				                  where c.incident_id = i.id and c.employee_id = d.employee_id)
				on conflict do nothing
				""").param("employee", employeeId).param("incident", incidentId).update();
		Answering incident = this.sql.sql("""
				select i.status, i.announcement_id
				from crisis_incidents i
				join crisis_check_ins c on c.incident_id = i.id and c.employee_id = :employee
				where i.id = :incident
				""")
			.param("employee", employeeId)
			.param("incident", incidentId)
			.query((rs, n) -> new Answering(rs.getString("status"), rs.getLong("announcement_id")))
			.optional()
			.orElseThrow(() -> new IncidentNotFound(incidentId));
		if (!IncidentStatus.OPEN.name().equals(incident.status())) {
			throw new ChangeRefused("crisis.checkIn.closed");
		}
		int updated = this.sql.sql("""
				update crisis_check_ins
				set status = :status, note = :note, answered_at = :now,
				    first_answered_at = coalesce(first_answered_at, :now), answered_via = :via
				where incident_id = :incident and employee_id = :employee
				  and exists (select 1 from crisis_incidents i where i.id = :incident and i.status = 'OPEN')
				""")
			.param("status", status.name())
			.param("note", cleaned)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("via", via.name())
			.param("incident", incidentId)
			.param("employee", employeeId)
			.update();
		if (updated == 0) {
			throw new ChangeRefused("crisis.checkIn.closed");
		}
		return incident.announcementId();
	}

	/**
	 * The all-clear as the confirmation step shows it before resolving: the ALL_CLEAR
	 * template of the plan revision the incident runs, filled in for its scope, now.
	 */
	@ForCommsAndAdmins
	@Transactional(readOnly = true)
	public IncidentUpdate prepareAllClear(long incidentId) {
		StoredIncident incident = this.stored.get(incidentId);
		MessageTemplate allClear = allClearTemplate(incident);
		Map<String, String> values = values(plan(incident), incident.scope(), this.clock.instant());
		return new IncidentUpdate(Placeholders.fill(allClear.title(), values),
				Placeholders.fill(allClear.body(), values));
	}

	/**
	 * Sends the plan's all-clear and resolves; see
	 * {@link #resolve(long, IncidentUpdate)}.
	 */
	@ForCommsAndAdmins
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
	@ForCommsAndAdmins
	@Transactional
	public int resolve(long incidentId, IncidentUpdate allClear) {
		StoredIncident incident = this.stored.get(incidentId);
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
		int updated = this.sql.sql("""
				update crisis_incidents set status = 'RESOLVED', resolved_by = :by, resolved_at = :now
				where id = :id and status = 'OPEN'
				""")
			.param("by", Callers.require().employeeId())
			.param("now", Timestamp.from(now))
			.param("id", incidentId)
			.update();
		if (updated == 0) {
			throw new ChangeRefused("crisis.incident.alreadyResolved");
		}
		Map<String, String> values = values(plan(incident), incident.scope(), now);
		String sentTitle = marked(Placeholders.fill(title, values), incident.drill());
		String sentBody = Placeholders.fill(body, values);
		SystemAlert.Published sent = this.alerts.publishSystemAlert(CHANNEL_SLUG, channelName(),
				new SystemAlert(sentTitle, sentBody, Priority.IMPORTANT, false, incident.scope().departmentIds(),
						incident.scope().locationIds(), null, false, incident.drill()));
		this.sql.sql("update crisis_incidents set all_clear_id = :allClear where id = :id")
			.param("allClear", sent.id())
			.param("id", incidentId)
			.update();
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

	private MessageTemplate allClearTemplate(StoredIncident incident) {
		return this.sql.sql("""
				select title, body from crisis_plan_templates
				where plan_id = :plan and revision = :revision and kind = 'ALL_CLEAR'
				""")
			.param("plan", incident.planId())
			.param("revision", incident.planRevision())
			.query((rs, n) -> new MessageTemplate(TemplateKind.ALL_CLEAR, rs.getString("title"), rs.getString("body")))
			.optional()
			.orElse(new MessageTemplate(TemplateKind.ALL_CLEAR, message("crisis.incident.allClear.title"),
					message("crisis.incident.allClear.body")));
	}

	private PlanView plan(StoredIncident incident) {
		return this.plans.find(incident.planId()).orElseThrow(() -> new PlanNotFound(incident.planId()));
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

	private static SqlParameterSource target(long incidentId, String kind, long targetId) {
		return new MapSqlParameterSource("incident", incidentId).addValue("kind", kind).addValue("target", targetId);
	}

	private record Answering(String status, long announcementId) {

	}

}
