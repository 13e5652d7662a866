package io.herald.notification;

import java.time.Instant;

/**
 * One e-mail as the sender claimed it from the outbox. A daily digest
 * ({@link #isDigest()}) covers notifications created after {@code coversFrom} up to
 * {@code createdAt}.
 */
record OutboxMessage(long id, String key, long employeeId, String kind, Long announcementId, String subject,
		String detail, String link, boolean critical, int attempts, Instant createdAt, Instant coversFrom) {

	/** The kind of the daily digest e-mail; it has no inbox entry of its own. */
	static final String DIGEST = "DAILY_DIGEST";

	boolean isDigest() {
		return DIGEST.equals(this.kind);
	}

}
