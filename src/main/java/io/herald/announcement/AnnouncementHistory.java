package io.herald.announcement;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herald.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
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
public class AnnouncementHistory {

	private static final String FAN_OUT = "insert into deliveries "
			+ "(announcement_id, employee_id, published_at, delivered_at, late_joiner, department_id, location_id) "
			+ "select a.id, e.id, a.published_at, a.published_at, false, e.department_id, e.location_id "
			+ "from announcements a join channels c on c.id = a.channel_id cross join employees e "
			+ "where a.id in (%s) and " + AudienceSql.OF_ANNOUNCEMENT;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	AnnouncementHistory(JdbcTemplate jdbc, AuditLog audit) {
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
				.forEach((department) -> this.jdbc.update(
						"insert into announcement_departments (announcement_id, department_id) values (?, ?)", id,
						department));
			post.locationIds()
				.forEach((location) -> this.jdbc.update(
						"insert into announcement_locations (announcement_id, location_id) values (?, ?)", id,
						location));
		}
		if (!delivered.isEmpty()) {
			String in = AudienceSql.placeholders(delivered.size());
			this.jdbc.update(FAN_OUT.formatted(in), delivered.toArray());
			this.jdbc.update(
					"update announcements set recipients = (select count(*) from deliveries d "
							+ "where d.announcement_id = announcements.id) where id in (" + in + ")",
					delivered.toArray());
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
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement("insert into announcements (channel_id, "
					+ "author_id, title, summary, body, priority, status, ack_required, ack_due_at, pinned_until, "
					+ "expires_at, scheduled_at, published_at, archived_at, submitted_at, created_at, updated_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			statement.setLong(1, post.channelId());
			statement.setLong(2, post.authorId());
			statement.setString(3, post.title());
			statement.setString(4, post.summary());
			statement.setString(5, post.body());
			statement.setString(6, post.priority().name());
			statement.setString(7, post.status().name());
			statement.setBoolean(8, post.ackRequired());
			timestamp(statement, 9, due);
			timestamp(statement, 10, post.pinnedUntil());
			timestamp(statement, 11, post.expiresAt());
			timestamp(statement, 12, post.scheduledAt());
			timestamp(statement, 13, out ? at : null);
			timestamp(statement, 14, (post.status() == AnnouncementStatus.ARCHIVED) ? post.archivedAt() : null);
			timestamp(statement, 15, submitted);
			timestamp(statement, 16, created);
			timestamp(statement, 17, updated);
			return statement;
		}, keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	private static void timestamp(PreparedStatement statement, int index, Instant instant)
			throws java.sql.SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP);
		}
		else {
			statement.setTimestamp(index, Timestamp.from(instant));
		}
	}

}
