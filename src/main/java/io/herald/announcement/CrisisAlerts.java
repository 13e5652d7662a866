package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.herald.audit.AuditLog;
import io.herald.channel.Channels;
import io.herald.shared.Callers;
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Posts the system sends on its own channel for the crisis module, without review: an
 * alert published at once, how many people one would reach, and ending one.
 */
@Service
@NamedInterface("api")
public class CrisisAlerts {

	/**
	 * How long a pinned system alert could stay pinned if nobody ended it: far longer
	 * than any incident runs.
	 */
	static final Duration PINNED_SYSTEM_ALERT = Duration.ofDays(366);

	private final AnnouncementRepository announcements;

	private final Audiences audiences;

	private final Channels channels;

	private final Publishing publishing;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	CrisisAlerts(AnnouncementRepository announcements, Audiences audiences, Channels channels, Publishing publishing,
			AuditLog audit, JdbcClient jdbc, EntityManager entityManager, Clock clock) {
		this.announcements = announcements;
		this.audiences = audiences;
		this.channels = channels;
		this.publishing = publishing;
		this.audit = audit;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Publishes a system post at once, with no review, on the system channel {@code slug}
	 * (created if missing). The fan-out is the usual single statement.
	 * @throws InvalidChange when the title or body is missing or too long, or the post
	 * would reach nobody (nothing is saved then)
	 */
	@ForCommsAndAdmins
	@Transactional
	public SystemAlert.Published publishSystemAlert(String slug, String channelName, SystemAlert alert) {
		long channelId = this.channels.systemChannel(slug, channelName);
		AnnouncementDraft draft = new AnnouncementDraft(channelId, alert.title(), null, alert.body(), alert.priority(),
				alert.ackRequired(), null, alert.departmentIds(), alert.locationIds(), null, null, null, 0)
			.cleaned();
		List<Problem> problems = new ArrayList<>();
		if (draft.title() == null || draft.title().length() > 200) {
			problems.add(new Problem("title", "announcement.title.invalid"));
		}
		if (!StringUtils.hasText(draft.body()) || draft.body().length() > Announcements.MAX_BODY) {
			problems.add(new Problem("body", "announcement.body.invalid"));
		}
		InvalidChange.refuseIfAny(problems);
		Instant now = this.clock.instant();
		Announcement announcement = new Announcement(Callers.require().employeeId(), now);
		announcement.write(draft, now);
		long id = this.announcements.save(announcement).getId();
		this.entityManager.flush();
		if (alert.checkInPath() != null) {
			this.jdbc.sql("update announcements set check_in_path = :path where id = :announcement")
				.param("path", alert.checkInPath())
				.param("announcement", id)
				.update();
		}
		if (alert.pinned() || alert.drill()) {
			// Pinned for as long as it runs: ending it unpins it (the year is a mere
			// bound).
			this.jdbc
				.sql("update announcements set pinned_until = :pinnedUntil, drill = :drill where id = :announcement")
				.param("pinnedUntil", alert.pinned() ? Timestamp.from(now.plus(PINNED_SYSTEM_ALERT)) : null)
				.param("drill", alert.drill())
				.param("announcement", id)
				.update();
		}
		this.audit.record("announcement.drafted", "announcement", id, draft.title());
		// The sender (crisis) notifies the recipients itself, through the alert's media.
		this.entityManager.flush();
		// Publishing writes with SQL; the entity must not be written again afterwards.
		this.entityManager.detach(announcement);
		int recipients = this.publishing.publish(id, now, false, true)
			.orElseThrow(() -> new InvalidChange(null, "announcement.refused.publish"));
		if (recipients == 0) {
			// Rolls the post back: an alert to nobody is a mistake.
			throw new InvalidChange(null, "announcement.audience.empty");
		}
		return new SystemAlert.Published(id, recipients);
	}

	/**
	 * How many people a system post on the channel {@code slug} would reach if published
	 * now: the rule of {@link #publishSystemAlert}, which creates the channel
	 * company-wide when it is missing.
	 */
	@ForCommsAndAdmins
	@Transactional(readOnly = true)
	public long systemAlertAudience(String slug, Set<Long> departmentIds, Set<Long> locationIds) {
		return this.audiences.ofSystemChannel(slug, departmentIds, locationIds);
	}

	/**
	 * Ends a post on the system channel {@code slug} now: it leaves the feed and the
	 * critical banner, and nobody is reminded of it any more.
	 */
	@ForCommsAndAdmins
	@Transactional
	public void expireSystemAlert(String slug, long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int expired = this.jdbc.sql("""
				update announcements
				set expires_at = :now, pinned_until = null, updated_at = :now, version = version + 1
				where id = :announcement and channel_id in (select c.id from channels c where c.slug = :slug)
				  and (expires_at is null or expires_at > :now)""")
			.param("now", now)
			.param("announcement", id)
			.param("slug", slug)
			.update();
		if (expired == 1) {
			this.audit.record("announcement.expired", "announcement", id, null);
		}
	}

}
