package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Instant;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;
import io.herald.channel.Channels;
import io.herald.shared.Callers;
import io.herald.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see how a post is tracked: HR, administrators and the managers of its channel,
 * once it has gone out. Everyone else is told there is nothing, whether or not the post
 * exists.
 */
@Component
class TrackingAccess {

	private final JdbcClient jdbc;

	private final Channels channels;

	TrackingAccess(JdbcClient jdbc, Channels channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	/**
	 * The post, if the caller may track it.
	 * @throws TrackingNotFound otherwise
	 */
	TrackedPost require(long id) {
		TrackedPost post = this.jdbc.sql("""
				select a.id, a.title, a.priority, a.status, a.channel_id, a.published_at, a.ack_required,
				  a.ack_due_at, a.expires_at
				from announcements a where a.id = :announcement""")
			.param("announcement", id)
			.query((rs, n) -> new TrackedPost(rs.getLong("id"), rs.getString("title"),
					Priority.valueOf(rs.getString("priority")), AnnouncementStatus.valueOf(rs.getString("status")),
					rs.getLong("channel_id"), instant(rs.getTimestamp("published_at")), rs.getBoolean("ack_required"),
					instant(rs.getTimestamp("ack_due_at")), instant(rs.getTimestamp("expires_at"))))
			.optional()
			.filter((found) -> found.status() == AnnouncementStatus.PUBLISHED
					|| found.status() == AnnouncementStatus.ARCHIVED)
			.orElseThrow(() -> new TrackingNotFound(id));
		if (!Callers.hasAnyRole(Role.HR, Role.ADMIN) && !this.channels.callerManages(post.channelId())) {
			throw new TrackingNotFound(id);
		}
		return post;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
