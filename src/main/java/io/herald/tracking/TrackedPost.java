package io.herald.tracking;

import java.time.Instant;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;

/**
 * The post a tracking view is about (see {@link TrackingAccess} for who may see it).
 */
record TrackedPost(long id, String title, Priority priority, AnnouncementStatus status, long channelId,
		Instant publishedAt, boolean ackRequired, Instant ackDueAt, Instant expiresAt) {

	// Over a delivery d and its announcement a: not (yet) acknowledged for the
	// revision now asked for. The negation of Receipt.ACKNOWLEDGED, spelt out so a
	// missing revision counts as not acknowledged rather than as unknown.
	static final String NOT_ACKNOWLEDGED = """
			(d.acknowledged_at is null or d.acknowledged_revision is null \
			or d.acknowledged_revision < a.ack_revision)""";

	boolean expired(Instant now) {
		return this.expiresAt != null && !this.expiresAt.isAfter(now);
	}

	boolean duePassed(Instant now) {
		return this.ackRequired && this.ackDueAt != null && this.ackDueAt.isBefore(now);
	}

}
