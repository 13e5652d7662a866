package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.Priority;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications: an inbox entry for each, and an outbox e-mail where the person
 * wants one (always, for critical ones), written in the caller's transaction so they
 * exist exactly when their cause committed. The outbox sender does the mailing.
 */
@Service
public class Notifications {

	private static final int CHUNK = 1000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Notifications(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Sends these notifications in the caller's transaction, in batches. A notice whose
	 * key was e-mailed before is not e-mailed again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(List<Notice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<Long, NotificationMode> modes = modesOf(notices.stream().map(Notice::employeeId).distinct().toList());
		enterInInbox(notices, now);
		List<Notice> mailed = notices.stream()
			.filter((notice) -> notice.critical() || modes.getOrDefault(notice.employeeId(),
					NotificationMode.EMAIL_IMMEDIATE) == NotificationMode.EMAIL_IMMEDIATE)
			.toList();
		this.jdbc.batchUpdate(
				"insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, "
						+ "subject, detail, link, critical, status, attempts, next_attempt_at, created_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict do nothing",
				mailed, 500, (statement, notice) -> {
					statement.setString(1, notice.key());
					statement.setLong(2, notice.employeeId());
					statement.setString(3, notice.kind().name());
					statement.setObject(4, notice.announcementId());
					statement.setString(5, notice.subject());
					statement.setString(6, notice.detail());
					statement.setString(7, notice.link());
					statement.setBoolean(8, notice.critical());
					Instant notBefore = notice.mailNotBefore();
					statement.setTimestamp(9, (notBefore != null && notBefore.isAfter(now.toInstant()))
							? Timestamp.from(notBefore) : now);
					statement.setTimestamp(10, now);
				});
	}

	/**
	 * Sends these notifications to the in-app inbox only, never by e-mail, whatever their
	 * preferences: for escalation steps an administrator set to "in the app". Like
	 * {@link #send}, a key already in the inbox is not entered again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendInAppOnly(List<Notice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		enterInInbox(notices, now);
	}

	private void enterInInbox(List<Notice> notices, Timestamp now) {
		this.jdbc.batchUpdate(
				"insert into notifications (employee_id, kind, announcement_id, subject, detail, link, critical, "
						+ "idempotency_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
				notices, 500, (statement, notice) -> {
					statement.setLong(1, notice.employeeId());
					statement.setString(2, notice.kind().name());
					statement.setObject(3, notice.announcementId());
					statement.setString(4, notice.subject());
					statement.setString(5, notice.detail());
					statement.setString(6, notice.link());
					statement.setBoolean(7, notice.critical());
					statement.setString(8, notice.key());
					statement.setTimestamp(9, now);
				});
	}

	/**
	 * Withdraws the e-mails not yet sent that ask this person to acknowledge this post
	 * (the request when it reached them, reminders, nudges): they have just acknowledged
	 * it. What already reached their inbox stays there, as a record.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdrawRequestsToAcknowledge(long employeeId, long announcementId) {
		this.jdbc.update("update outbox_messages set status = 'CANCELLED' where employee_id = ? "
				+ "and announcement_id = ? and kind in ('ACK_REQUEST', 'REMINDER', 'NUDGE') and status in ('PENDING', 'HELD')",
				employeeId, announcementId);
	}

	/**
	 * Each person's chosen mode; people without a choice are not in the map.
	 */
	Map<Long, NotificationMode> modesOf(List<Long> employeeIds) {
		Map<Long, NotificationMode> modes = new HashMap<>();
		for (int from = 0; from < employeeIds.size(); from += CHUNK) {
			List<Long> chunk = employeeIds.subList(from, Math.min(from + CHUNK, employeeIds.size()));
			this.jdbc.query("select employee_id, mode from notification_preferences where employee_id in ("
					+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", (rs) -> {
						modes.put(rs.getLong(1), NotificationMode.valueOf(rs.getString(2)));
					}, chunk.toArray());
		}
		return modes;
	}

	/**
	 * Where each recipient's e-mail of a critical post stands, by employee id; people the
	 * post was not e-mailed to are missing.
	 */
	@PreAuthorize("hasAnyRole('COMMS_MANAGER', 'HR', 'ADMIN')")
	@Transactional(readOnly = true)
	public Map<Long, EmailOutcome> criticalEmailOutcomes(long announcementId) {
		Map<Long, EmailOutcome> outcomes = new HashMap<>();
		this.jdbc.query("select employee_id, status, last_error from outbox_messages where announcement_id = ? "
				+ "and kind = 'CRITICAL_POST'", (rs) -> {
					outcomes.put(rs.getLong(1),
							new EmailOutcome(rs.getLong(1), OutboxStatus.valueOf(rs.getString(2)), rs.getString(3)));
				}, announcementId);
		return outcomes;
	}

	/**
	 * A CRITICAL post reaches every recipient in the app and by e-mail at once, whatever
	 * their preferences: two set-based statements in the publishing transaction.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementPublished published) {
		if (published.priority() != Priority.CRITICAL) {
			return;
		}
		long id = published.announcementId();
		Timestamp now = Timestamp.from(this.clock.instant());
		String link = "/announcements/" + id;
		this.jdbc.update("insert into notifications (employee_id, kind, announcement_id, subject, link, critical, "
				+ "idempotency_key, created_at) select d.employee_id, 'CRITICAL_POST', a.id, a.title, ?, true, "
				+ "concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20))), ? "
				+ "from deliveries d join announcements a on a.id = d.announcement_id where d.announcement_id = ?",
				link, now, id);
		this.jdbc.update("insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, subject, "
				+ "link, critical, status, attempts, next_attempt_at, created_at) "
				+ "select concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20))), "
				+ "d.employee_id, 'CRITICAL_POST', a.id, a.title, ?, true, 'PENDING', 0, ?, ? "
				+ "from deliveries d join announcements a on a.id = d.announcement_id where d.announcement_id = ? "
				+ "on conflict do nothing", link, now, now, id);
	}

}
