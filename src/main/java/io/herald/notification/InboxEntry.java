package io.herald.notification;

import java.time.Instant;

/**
 * One notification in a person's inbox. Its sentence is the message
 * {@code notification.kind.<kind>} with {@code subject}; {@code link} is a path inside
 * Herald.
 */
public record InboxEntry(long id, NotificationKind kind, String subject, String detail, String link, boolean critical,
		Instant createdAt, boolean read) {

}
