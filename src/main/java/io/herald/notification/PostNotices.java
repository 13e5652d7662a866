package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.DeliveriesAdded;
import io.herald.announcement.Priority;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells recipients about the ordinary posts that concern them: an IMPORTANT post, and any
 * post that asks them to acknowledge it, reach each recipient once in the app and, as
 * they chose, by e-mail straight away or in their daily digest. INFO posts that ask for
 * nothing notify nobody; CRITICAL ones are {@link Notifications}' (at once, whatever the
 * preference).
 * <p>
 * Someone who joins a post's audience later (a new hire, a transfer) and so receives a
 * post still waiting for acknowledgements is told the same way: a CRITICAL one as
 * critical, any other as a request to acknowledge.
 * <p>
 * Each is two set-based statements in the transaction that delivered the post, whatever
 * the audience's size. The idempotency key names the post and the person, so a repeated
 * event, a retry or a second instance never tells anyone twice.
 */
@Component
class PostNotices {

	private static final String KEY = "concat('post:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20)))";

	private static final String LINK = "concat('/announcements/', cast(a.id as varchar(20)))";

	private final JdbcClient jdbc;

	private final Clock clock;

	PostNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementPublished published) {
		if (published.notifiedBySender() || published.priority() == Priority.CRITICAL
				|| (published.priority() == Priority.INFO && !published.ackRequired())) {
			return;
		}
		NotificationKind kind = published.ackRequired() ? NotificationKind.ACK_REQUEST
				: NotificationKind.IMPORTANT_POST;
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into notifications (employee_id, kind, announcement_id, subject, detail, link, critical,
				    idempotency_key, created_at)
				select d.employee_id, :kind, a.id, a.title, a.summary, %s, false, %s, :now
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement
				on conflict do nothing""".formatted(LINK, KEY))
			.param("kind", kind.name())
			.param("now", now)
			.param("announcement", published.announcementId())
			.update();
		this.jdbc.sql("""
				insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, subject, detail,
				    link, critical, status, attempts, next_attempt_at, created_at)
				select %s, d.employee_id, :kind, a.id, a.title, a.summary, %s, false, 'PENDING', 0, :now, :now
				from deliveries d join announcements a on a.id = d.announcement_id
				left join notification_preferences p on p.employee_id = d.employee_id
				where d.announcement_id = :announcement and (p.mode is null or p.mode = 'EMAIL_IMMEDIATE')
				on conflict do nothing""".formatted(KEY, LINK))
			.param("kind", kind.name())
			.param("now", now)
			.param("announcement", published.announcementId())
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeliveriesAdded added) {
		if (added.employeeIds().isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp deliveredAt = Timestamp.from(added.deliveredAt());
		// Large imports arrive as one event: one array of ids, whatever its size.
		Long[] people = added.employeeIds().toArray(Long[]::new);
		// The same key as when the post went out: a critical one as Notifications keys
		// it, any other as above.
		this.jdbc.sql("""
				insert into notifications (employee_id, kind, announcement_id, subject, detail, link, critical,
				    idempotency_key, created_at)
				select d.employee_id,
				    case when a.priority = 'CRITICAL' then 'CRITICAL_POST' else 'ACK_REQUEST' end,
				    a.id, a.title, a.summary, %s, a.priority = 'CRITICAL',
				    case when a.priority = 'CRITICAL'
				        then concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20)))
				        else %s end,
				    :now
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.late_joiner = true and d.delivered_at = :deliveredAt and d.employee_id = any(:people)
				    and a.ack_required = true
				on conflict do nothing""".formatted(LINK, KEY))
			.param("now", now)
			.param("deliveredAt", deliveredAt)
			.param("people", people)
			.update();
		this.jdbc.sql("""
				insert into outbox_messages (idempotency_key, employee_id, kind, announcement_id, subject, detail,
				    link, critical, status, attempts, next_attempt_at, created_at)
				select case when a.priority = 'CRITICAL'
				        then concat('critical:', cast(a.id as varchar(20)), ':', cast(d.employee_id as varchar(20)))
				        else %s end,
				    d.employee_id,
				    case when a.priority = 'CRITICAL' then 'CRITICAL_POST' else 'ACK_REQUEST' end,
				    a.id, a.title, a.summary, %s, a.priority = 'CRITICAL', 'PENDING', 0, :now, :now
				from deliveries d join announcements a on a.id = d.announcement_id
				left join notification_preferences p on p.employee_id = d.employee_id
				where d.late_joiner = true and d.delivered_at = :deliveredAt and d.employee_id = any(:people)
				    and a.ack_required = true
				    and (a.priority = 'CRITICAL' or p.mode is null or p.mode = 'EMAIL_IMMEDIATE')
				on conflict do nothing""".formatted(KEY, LINK))
			.param("now", now)
			.param("deliveredAt", deliveredAt)
			.param("people", people)
			.update();
	}

}
