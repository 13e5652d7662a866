package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.Priority;
import io.herald.shared.ForCommsHrAndAdmins;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications: an inbox entry for each, and an outbox e-mail where the person
 * wants one (always, for critical ones), written in the caller's transaction so they
 * exist exactly when their cause committed. The outbox sender does the mailing.
 */
@Service
@NamedInterface("api")
public class Notifications {

	private static final String MAIL = """
			insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, subject, detail, link,
			    critical, status, attempts, next_attempt_at, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
			on conflict do nothing
			""";

	private static final String ENTER = """
			insert into notifications (employee_id, kind, announcement_id, subject, detail, link, critical,
			    idempotency_key, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing
			""";

	// JDBC batches of one statement each: the batches stay on JdbcTemplate.
	private final JdbcTemplate batches;

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcTemplate jdbc, Clock clock) {
		this.batches = jdbc;
		this.jdbc = JdbcClient.create(jdbc);
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
		this.batches.batchUpdate(MAIL, mailed, 500, (statement, notice) -> {
			statement.setString(1, notice.key());
			statement.setLong(2, notice.employeeId());
			statement.setString(3, notice.kind().name());
			statement.setObject(4, notice.announcementId());
			statement.setString(5, notice.subject());
			statement.setString(6, notice.detail());
			statement.setString(7, notice.link());
			statement.setBoolean(8, notice.critical());
			Instant notBefore = notice.mailNotBefore();
			statement.setTimestamp(9,
					(notBefore != null && notBefore.isAfter(now.toInstant())) ? Timestamp.from(notBefore) : now);
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
		this.batches.batchUpdate(ENTER, notices, 500, (statement, notice) -> {
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
		this.jdbc.sql("""
				update outbox_messages set status = 'CANCELLED'
				where employee_id = :employee and announcement_id = :announcement
				  and kind in ('ACK_REQUEST', 'REMINDER', 'NUDGE') and status in ('PENDING', 'HELD')
				""").param("employee", employeeId).param("announcement", announcementId).update();
	}

	/**
	 * Each person's chosen mode; people without a choice are not in the map.
	 */
	Map<Long, NotificationMode> modesOf(List<Long> employeeIds) {
		Map<Long, NotificationMode> modes = new HashMap<>();
		this.jdbc.sql("""
				select employee_id, mode from notification_preferences where employee_id = any(:employees)
				""").param("employees", employeeIds.toArray(Long[]::new)).query((rs) -> {
			modes.put(rs.getLong("employee_id"), NotificationMode.valueOf(rs.getString("mode")));
		});
		return modes;
	}

	/**
	 * Where each recipient's e-mail of a critical post stands, by employee id; people the
	 * post was not e-mailed to are missing.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public Map<Long, EmailOutcome> criticalEmailOutcomes(long announcementId) {
		Map<Long, EmailOutcome> outcomes = new HashMap<>();
		this.jdbc.sql("""
				select employee_id, status, last_error from outbox_messages
				where announcement_id = :announcement and kind = 'CRITICAL_POST'
				""").param("announcement", announcementId).query((rs) -> {
			long employeeId = rs.getLong("employee_id");
			outcomes.put(employeeId, new EmailOutcome(employeeId, OutboxStatus.valueOf(rs.getString("status")),
					rs.getString("last_error")));
		});
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
		this.jdbc.sql("""
				insert into notifications (employee_id, kind, announcement_id, subject, link, critical,
				    idempotency_key, created_at)
				select d.employee_id, 'CRITICAL_POST', a.id, a.title, :link, true,
				    concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20))), :now
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement
				""").param("link", link).param("now", now).param("announcement", id).update();
		this.jdbc.sql("""
				insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, subject, link,
				    critical, status, attempts, next_attempt_at, created_at)
				select concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20))),
				    d.employee_id, 'CRITICAL_POST', a.id, a.title, :link, true, 'PENDING', 0, :now, :now
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement
				on conflict do nothing
				""").param("link", link).param("now", now).param("announcement", id).update();
	}

}
