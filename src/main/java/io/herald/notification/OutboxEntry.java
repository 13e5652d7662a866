package io.herald.notification;

import java.time.Instant;

/**
 * One e-mail in the outbox as administrators see it. {@code kind} is a
 * {@link NotificationKind} name or {@code DAILY_DIGEST}; the recipient's e-mail and name
 * are {@code null} when they are no longer in the directory.
 */
public record OutboxEntry(long id, long recipientId, String recipientEmail, String recipientName, String kind,
		String subject, boolean critical, OutboxStatus status, int attempts, String lastError, Instant createdAt,
		Instant nextAttemptAt, Instant sentAt) {

}
