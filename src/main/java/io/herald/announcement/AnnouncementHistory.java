package io.herald.announcement;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herald.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records announcements that went out in the past, for importing history (the demo's 90
 * days, a move from another tool). Published posts get their deliveries as if they had
 * been published at their own instant, with the same audience rule as {@link Publishing}
 * and one {@code INSERT … SELECT} for all of them; the audience is today's directory.
 *
 * <p>
 * Deliberately no {@link AnnouncementPublished} event: nobody is told about posts from
 * the past as if they were new (no critical alerts, no counters built from an empty
 * start). Acknowledgements they still ask for are followed up by the escalation sweep
 * like any other. Not reachable from any route, and without method security because it
 * runs at start-up, before anyone signs in; the caller answers for where the history
 * comes from, so it joins the caller's transaction.
 */
@Service
@NamedInterface("api")
public class AnnouncementHistory {

	private static final String FAN_OUT = """
			insert into deliveries
			  (announcement_id, employee_id, published_at, delivered_at, late_joiner, department_id, location_id)
			select a.id, e.id, a.published_at, a.published_at, false, e.department_id, e.location_id
			from announcements a join channels c on c.id = a.channel_id cross join employees e
			where a.id = any(:announcements) and %s""".formatted(AudienceSql.OF_ANNOUNCEMENT);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AnnouncementHistory(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Records the posts and delivers the published and archived ones.
	 * @return the new ids, in the order of the posts
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> record(List<PastPost> posts) {
		List<Long> ids = new ArrayList<>();
		List<Long> delivered = new ArrayList<>();
		for (PastPost post : posts) {
			long id = insert(post);
			ids.add(id);
			if (post.wentOut()) {
				delivered.add(id);
			}
			post.departmentIds()
				.forEach((department) -> this.jdbc.sql("""
						insert into announcement_departments (announcement_id, department_id)
						values (:announcement, :department)""")
					.param("announcement", id)
					.param("department", department)
					.update());
			post.locationIds()
				.forEach((location) -> this.jdbc.sql("""
						insert into announcement_locations (announcement_id, location_id)
						values (:announcement, :location)""")
					.param("announcement", id)
					.param("location", location)
					.update());
		}
		if (!delivered.isEmpty()) {
			Long[] announcements = delivered.toArray(Long[]::new);
			this.jdbc.sql(FAN_OUT).param("announcements", announcements).update();
			this.jdbc.sql("""
					update announcements
					set recipients = (select count(*) from deliveries d where d.announcement_id = announcements.id)
					where id = any(:announcements)""").param("announcements", announcements).update();
		}
		this.audit.record("announcement.history.recorded", "announcement", null,
				"posts=" + posts.size() + ", delivered=" + delivered.size());
		return ids;
	}

	private long insert(PastPost post) {
		Instant at = post.at();
		boolean out = post.wentOut();
		Instant created = (post.status() == AnnouncementStatus.SCHEDULED && post.scheduledAt() != null
				&& post.scheduledAt().isBefore(at)) ? post.scheduledAt() : at;
		Instant updated = (post.archivedAt() != null) ? post.archivedAt() : at;
		Instant due = post.ackRequired() ? ((post.ackDueAt() != null) ? post.ackDueAt()
				: ((out ? at : (post.scheduledAt() != null) ? post.scheduledAt() : at)
					.plus(post.priority().defaultAckWindow())))
				: null;
		Instant submitted = (post.status() == AnnouncementStatus.IN_REVIEW) ? at : null;
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into announcements (channel_id, author_id, title, summary, body, priority, status,
				  ack_required, ack_due_at, pinned_until, expires_at, scheduled_at, published_at, archived_at,
				  submitted_at, created_at, updated_at)
				values (:channel, :author, :title, :summary, :body, :priority, :status,
				  :ackRequired, :ackDueAt, :pinnedUntil, :expiresAt, :scheduledAt, :publishedAt, :archivedAt,
				  :submittedAt, :createdAt, :updatedAt)""")
			.param("channel", post.channelId())
			.param("author", post.authorId())
			.param("title", post.title(), Types.VARCHAR)
			.param("summary", post.summary(), Types.VARCHAR)
			.param("body", post.body(), Types.VARCHAR)
			.param("priority", post.priority().name())
			.param("status", post.status().name())
			.param("ackRequired", post.ackRequired())
			.param("ackDueAt", timestamp(due), Types.TIMESTAMP)
			.param("pinnedUntil", timestamp(post.pinnedUntil()), Types.TIMESTAMP)
			.param("expiresAt", timestamp(post.expiresAt()), Types.TIMESTAMP)
			.param("scheduledAt", timestamp(post.scheduledAt()), Types.TIMESTAMP)
			.param("publishedAt", timestamp(out ? at : null), Types.TIMESTAMP)
			.param("archivedAt", timestamp((post.status() == AnnouncementStatus.ARCHIVED) ? post.archivedAt() : null),
					Types.TIMESTAMP)
			.param("submittedAt", timestamp(submitted), Types.TIMESTAMP)
			.param("createdAt", timestamp(created), Types.TIMESTAMP)
			.param("updatedAt", timestamp(updated), Types.TIMESTAMP)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
