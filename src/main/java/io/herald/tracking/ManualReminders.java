package io.herald.tracking;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;
import io.herald.audit.AuditLog;
import io.herald.escalation.QuietHours;
import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.Zones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Remind the non-acknowledgers now": whoever may track a post can remind every active
 * recipient who has not acknowledged its current revision, at most once every twelve
 * hours per post (see {@link ReminderThrottle}). The reminders go out in the app and by
 * e-mail through the notification outbox, in the same transaction as the throttle and the
 * audit entry.
 */
@Service
public class ManualReminders {

	private final JdbcClient jdbc;

	private final TrackingAccess access;

	private final ReminderThrottle throttle;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	ManualReminders(JdbcClient jdbc, TrackingAccess access, ReminderThrottle throttle, Notifications notifications,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.throttle = throttle;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Reminds the post's active recipients who have not acknowledged it.
	 * @throws TrackingNotFound when the caller may not track the post
	 * @throws ChangeRefused {@code tracking.remind.notRequested} when it asks for no
	 * acknowledgement, {@code tracking.remind.closed} when it is archived or expired,
	 * {@code tracking.remind.nobody} when every active recipient has acknowledged,
	 * {@code tracking.remind.tooSoon} within twelve hours of the last reminder
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public Reminded remindNonAcknowledgers(long announcementId) {
		TrackedPost post = this.access.require(announcementId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!post.ackRequired()) {
			throw new ChangeRefused("tracking.remind.notRequested");
		}
		if (post.status() != AnnouncementStatus.PUBLISHED || post.expired(now)) {
			throw new ChangeRefused("tracking.remind.closed");
		}
		Map<Long, String> people = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.employee_id, e.time_zone
				from deliveries d join announcements a on a.id = d.announcement_id
				  join employees e on e.id = d.employee_id
				where d.announcement_id = :announcement and e.active = true and %s
				order by d.employee_id""".formatted(TrackedPost.NOT_ACKNOWLEDGED))
			.param("announcement", announcementId)
			.query((ResultSet rs) -> {
				people.put(rs.getLong("employee_id"), rs.getString("time_zone"));
			});
		if (people.isEmpty()) {
			throw new ChangeRefused("tracking.remind.nobody");
		}
		if (!this.throttle.claim(announcementId, Callers.require().employeeId(), people.size(), now)) {
			throw new ChangeRefused("tracking.remind.tooSoon");
		}
		String link = "/announcements/" + announcementId;
		boolean critical = post.priority() == Priority.CRITICAL;
		// In the inbox at once; by e-mail after the person's quiet hours, unless
		// the post is critical.
		this.notifications.send(people.entrySet()
			.stream()
			.map((person) -> new Notice(person.getKey(), NotificationKind.REMINDER, announcementId, post.title(), null,
					link, critical, "remind-now:" + announcementId + ":" + person.getKey() + ":" + now.getEpochSecond(),
					critical ? null : QuietHours.release(now, Zones.parse(person.getValue()).orElse(ZoneOffset.UTC))))
			.toList());
		this.audit.record("tracking.reminded", "announcement", announcementId, people.size() + " recipients");
		return new Reminded(people.size(), now.plus(ReminderThrottle.INTERVAL));
	}

}
