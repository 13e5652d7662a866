package io.herald.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import io.herald.announcement.Priority;

/**
 * A published, unexpired post asking for acknowledgement, as the sweep reads it.
 * {@code askedAgainAt} is when a material revision last asked everyone again, or null.
 */
record SweepPost(long id, long channelId, Priority priority, String title, Instant publishedAt, Instant ackDueAt,
		int revision, Instant askedAgainAt) {

	static final String SELECT = """
			select a.id, a.channel_id, a.priority, a.title, a.published_at, a.ack_due_at, a.ack_revision,
			       (select max(r.edited_at) from announcement_revisions r
			        where r.announcement_id = a.id and r.material = true
			          and r.revision = a.ack_revision - 1) as asked_again_at
			from announcements a
			where a.status = 'PUBLISHED' and a.ack_required = true
			  and a.published_at <= :now and (a.expires_at is null or a.expires_at > :now)
			order by a.id
			""";

	static SweepPost of(ResultSet rs, int row) throws SQLException {
		return new SweepPost(rs.getLong("id"), rs.getLong("channel_id"), Priority.valueOf(rs.getString("priority")),
				rs.getString("title"), instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("ack_due_at")),
				rs.getInt("ack_revision"), instant(rs.getTimestamp("asked_again_at")));
	}

	/**
	 * The earliest a recipient can have been asked for the current revision: everyone was
	 * asked at publishing or at the revision asking again; late joiners later.
	 */
	Instant askedFrom() {
		return (this.askedAgainAt != null && this.askedAgainAt.isAfter(this.publishedAt)) ? this.askedAgainAt
				: this.publishedAt;
	}

	boolean critical() {
		return this.priority == Priority.CRITICAL;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
