package io.herald.crisis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.CrisisAlerts;
import io.herald.announcement.Priority;
import io.herald.announcement.SystemAlert;
import io.herald.audit.AuditLog;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.Reachability;
import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running an open incident: updates to its scope and the timeline of everything that
 * happened. Each action locks the incident's row first, so it never races a resolve.
 */
@Service
public class IncidentResponse {

	/**
	 * How long after a re-notification the next one is refused: a double click, or two
	 * managers pressing at once, reach people once.
	 */
	static final Duration RENOTIFY_PAUSE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Incidents incidents;

	private final StoredIncidents stored;

	private final CrisisPlans plans;

	private final CrisisAlerts alerts;

	private final EmployeeDirectory directory;

	private final Notifications notifications;

	private final MessageSource messages;

	private final AuditLog audit;

	private final FollowUps followUps;

	private final Clock clock;

	IncidentResponse(JdbcClient jdbc, Incidents incidents, StoredIncidents stored, CrisisPlans plans,
			CrisisAlerts alerts, EmployeeDirectory directory, Notifications notifications, MessageSource messages,
			AuditLog audit, FollowUps followUps, Clock clock) {
		this.jdbc = jdbc;
		this.followUps = followUps;
		this.incidents = incidents;
		this.stored = stored;
		this.plans = plans;
		this.alerts = alerts;
		this.directory = directory;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The update form as it opens: the UPDATE template of the plan revision the incident
	 * runs, placeholders filled for its scope, now.
	 */
	@ForCommsAndAdmins
	@Transactional(readOnly = true)
	public IncidentUpdate prepareUpdate(long incidentId) {
		StoredIncident incident = this.stored.get(incidentId);
		MessageTemplate update = this.jdbc.sql("""
				select title, body from crisis_plan_templates
				where plan_id = :plan and revision = :revision and kind = 'UPDATE'
				""")
			.param("plan", incident.planId())
			.param("revision", incident.planRevision())
			.query((rs, n) -> new MessageTemplate(TemplateKind.UPDATE, rs.getString("title"), rs.getString("body")))
			.optional()
			.orElse(new MessageTemplate(TemplateKind.UPDATE, message("crisis.update.default.title"),
					message("crisis.update.default.body")));
		Map<String, String> values = values(incident);
		return new IncidentUpdate(Placeholders.fill(update.title(), values), Placeholders.fill(update.body(), values));
	}

	/**
	 * Publishes an update to the incident's scope at once: IMPORTANT, on the crisis
	 * channel, no acknowledgement asked; and tells everyone the alert reached the way the
	 * alert went (in the app and by e-mail, whatever their preferences).
	 * @return the update's post
	 * @throws InvalidChange naming what to fix; nothing is sent then
	 * @throws ChangeRefused when the incident is resolved
	 */
	@ForCommsAndAdmins
	@Transactional
	public FollowUpSent postUpdate(long incidentId, IncidentUpdate update) {
		String title = Incidents.strip(update.title());
		String body = Incidents.strip(update.body());
		List<Problem> problems = new ArrayList<>();
		if (title == null || title.length() > 180) {
			problems.add(new Problem("title", "crisis.incident.title.invalid"));
		}
		if (body == null) {
			problems.add(new Problem("body", "crisis.update.body.required"));
		}
		InvalidChange.refuseIfAny(problems);
		lockOpen(incidentId, "crisis.update.closed");
		StoredIncident incident = this.stored.get(incidentId);
		Map<String, String> values = values(incident);
		title = Incidents.marked(Placeholders.fill(title, values), incident.drill());
		body = Placeholders.fill(body, values);
		SystemAlert.Published sent = this.alerts.publishSystemAlert(Incidents.CHANNEL_SLUG,
				this.incidents.channelName(),
				new SystemAlert(title, body, Priority.IMPORTANT, false, incident.scope().departmentIds(),
						incident.scope().locationIds(), null, false, incident.drill()));
		int told = (incident.announcementId() != null)
				? this.followUps.tell(incident.announcementId(), sent.id(), title, body) : sent.recipients();
		event(incidentId, TimelineEntry.Kind.UPDATE, title, body, sent.id(), told);
		this.audit.record("crisis.incident.updated", "crisis_incident", incidentId, title + ": recipients=" + told);
		return new FollowUpSent(sent.id(), told);
	}

	/**
	 * The checklist of the plan revision the incident runs, in order, with who ticked
	 * each step and when.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public List<ChecklistItem> checklist(long incidentId) {
		List<Step> rows = this.jdbc.sql("""
				select s.step_order, s.description, s.team_role, t.done_by, t.done_at
				from crisis_incidents i
				join crisis_plan_steps s on s.plan_id = i.plan_id and s.revision = i.plan_revision
				left join crisis_incident_steps t on t.incident_id = i.id and t.step_order = s.step_order
				where i.id = :incident
				order by s.step_order
				""").param("incident", incidentId).query((rs, n) -> {
			Timestamp doneAt = rs.getTimestamp("done_at");
			return new Step(rs.getInt("step_order"), rs.getString("description"),
					TeamRole.valueOf(rs.getString("team_role")), rs.getObject("done_by", Long.class),
					(doneAt != null) ? doneAt.toInstant() : null);
		}).list();
		Set<Long> people = new HashSet<>();
		rows.stream().map(Step::doneBy).filter((id) -> id != null).forEach(people::add);
		Map<Long, Reachability> names = this.directory.findReachability(people);
		return rows.stream().map((row) -> {
			Reachability by = (row.doneBy() != null) ? names.get(row.doneBy()) : null;
			return new ChecklistItem(row.order(), row.description(), row.role(), (by != null) ? by.displayName() : null,
					row.doneAt());
		}).toList();
	}

	/**
	 * Marks a checklist step done by the caller, now. A step is ticked once: ticking it
	 * again changes nothing (the first tick, its person and time stay), and there is no
	 * untick, since the timeline is the record of what was done.
	 * @return whether this call ticked it
	 * @throws InvalidChange when the incident's checklist has no such step
	 * @throws ChangeRefused when the incident is resolved
	 */
	@ForCommsAndAdmins
	@Transactional
	public boolean tick(long incidentId, int stepOrder) {
		lockOpen(incidentId, "crisis.checklist.closed");
		String description = this.jdbc.sql("""
				select s.description
				from crisis_incidents i
				join crisis_plan_steps s on s.plan_id = i.plan_id and s.revision = i.plan_revision
				where i.id = :incident and s.step_order = :step
				""")
			.param("incident", incidentId)
			.param("step", stepOrder)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new InvalidChange("step", "crisis.checklist.unknownStep"));
		// The incident's row is locked, so no other tick of this step runs meanwhile.
		int ticked = this.jdbc
			.sql("""
					insert into crisis_incident_steps (incident_id, step_order, done_by, done_at)
					select :incident, :step, :by, :now
					where not exists (select 1 from crisis_incident_steps where incident_id = :incident and step_order = :step)
					""")
			.param("incident", incidentId)
			.param("step", stepOrder)
			.param("by", Callers.require().employeeId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (ticked == 0) {
			return false;
		}
		event(incidentId, TimelineEntry.Kind.STEP, description, null, null, null);
		this.audit.record("crisis.checklist.ticked", "crisis_incident", incidentId, description);
		return true;
	}

	/**
	 * Sends everyone in the scope who has not checked in a CRITICAL reminder, in the app
	 * and by e-mail (CRITICAL: whatever their preferences), linking to the alert.
	 * @return how many people were reminded
	 * @throws ChangeRefused when the incident is resolved, everyone has answered, or the
	 * last re-notification was less than {@link #RENOTIFY_PAUSE} ago
	 */
	@ForCommsAndAdmins
	@Transactional
	public int renotify(long incidentId) {
		lockOpen(incidentId, "crisis.renotify.closed");
		Instant now = this.clock.instant();
		// Read under the incident's lock: a second click waits for the first to commit
		// and then sees its event.
		Timestamp last = this.jdbc
			.sql("""
					select max(happened_at) from crisis_incident_events where incident_id = :incident and kind = 'RENOTIFIED'
					""")
			.param("incident", incidentId)
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		if (last != null && last.toInstant().plus(RENOTIFY_PAUSE).isAfter(now)) {
			throw new ChangeRefused("crisis.renotify.tooSoon");
		}
		StoredIncident incident = this.stored.get(incidentId);
		List<Long> silent = this.jdbc
			.sql("select employee_id from crisis_check_ins where incident_id = :incident and status = 'NO_RESPONSE'")
			.param("incident", incidentId)
			.query(Long.class)
			.list();
		if (silent.isEmpty()) {
			throw new ChangeRefused("crisis.renotify.nobody");
		}
		String link = (incident.announcementId() != null) ? "/announcements/" + incident.announcementId() : "/feed";
		String detail = message("crisis.renotify.detail");
		// The key names the pause window too: the outbox mails it once even if a
		// retry of this transaction sends again.
		long window = now.getEpochSecond() / RENOTIFY_PAUSE.toSeconds();
		this.notifications.send(silent.stream()
			.map((person) -> new Notice(person, NotificationKind.REMINDER, incident.announcementId(), incident.title(),
					detail, link, true, "crisis-renotify:" + incidentId + ":" + person + ":" + window))
			.toList());
		event(incidentId, TimelineEntry.Kind.RENOTIFIED, null, null, null, silent.size());
		this.audit.record("crisis.incident.renotified", "crisis_incident", incidentId, "recipients=" + silent.size());
		return silent.size();
	}

	/**
	 * Everything that happened, oldest first: the opening, updates, ticked steps,
	 * re-notifications and the resolve.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long incidentId) {
		StoredIncident incident = this.stored.get(incidentId);
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(incident.openedAt(), TimelineEntry.Kind.OPENED, incident.openedBy(), incident.title(), null,
				incident.recipients()));
		rows.addAll(this.jdbc.sql("""
				select happened_at, kind, actor_id, title, body, people from crisis_incident_events
				where incident_id = :incident
				order by happened_at, id
				""")
			.param("incident", incidentId)
			.query((rs, n) -> new Row(rs.getTimestamp("happened_at").toInstant(),
					TimelineEntry.Kind.valueOf(rs.getString("kind")), rs.getObject("actor_id", Long.class),
					rs.getString("title"), rs.getString("body"), rs.getObject("people", Integer.class)))
			.list());
		if (incident.resolvedAt() != null) {
			rows.add(new Row(incident.resolvedAt(), TimelineEntry.Kind.RESOLVED, incident.resolvedBy(), null, null,
					null));
		}
		Set<Long> people = new HashSet<>();
		rows.stream().map(Row::actor).filter((id) -> id != null).forEach(people::add);
		Map<Long, Reachability> names = this.directory.findReachability(people);
		// A stable sort: events at the same instant keep their order of recording.
		return rows.stream().sorted(Comparator.comparing(Row::at)).map((row) -> {
			Reachability actor = (row.actor() != null) ? names.get(row.actor()) : null;
			return new TimelineEntry(row.at(), row.kind(), (actor != null) ? actor.displayName() : null, row.title(),
					row.body(), row.people());
		}).toList();
	}

	/**
	 * Locks the incident's row until the transaction ends.
	 * @throws IncidentNotFound when there is no such incident
	 * @throws ChangeRefused with {@code closedCode} when it is resolved
	 */
	void lockOpen(long incidentId, String closedCode) {
		String status = this.jdbc.sql("select status from crisis_incidents where id = :id for update")
			.param("id", incidentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IncidentNotFound(incidentId));
		if (!IncidentStatus.OPEN.name().equals(status)) {
			throw new ChangeRefused(closedCode);
		}
	}

	void event(long incidentId, TimelineEntry.Kind kind, String title, String body, Long announcementId,
			Integer people) {
		this.jdbc
			.sql("""
					insert into crisis_incident_events (incident_id, kind, happened_at, actor_id, title, body, announcement_id, people)
					values (:incident, :kind, :now, :actor, :title, :body, :post, :people)
					""")
			.param("incident", incidentId)
			.param("kind", kind.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", Callers.require().employeeId())
			.param("title", title)
			.param("body", body)
			.param("post", announcementId)
			.param("people", people)
			.update();
	}

	private Map<String, String> values(StoredIncident incident) {
		PlanView plan = this.plans.find(incident.planId()).orElseThrow(() -> new PlanNotFound(incident.planId()));
		return this.incidents.values(plan, incident.scope(), this.clock.instant());
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private record Step(int order, String description, TeamRole role, Long doneBy, Instant doneAt) {

	}

	private record Row(Instant at, TimelineEntry.Kind kind, Long actor, String title, String body, Integer people) {

	}

}
