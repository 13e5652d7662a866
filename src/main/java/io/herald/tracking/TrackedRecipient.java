package io.herald.tracking;

import java.time.Instant;

/**
 * One recipient of a post in the tracking list: who, where they stood when it reached
 * them, when they read and acknowledged it, by when they had to. Department and location
 * are {@code null} where they had none.
 */
public record TrackedRecipient(long employeeId, String name, String email, String department, String location,
		Instant readAt, Instant acknowledgedAt, Instant dueAt, RecipientStatus status) {

}
