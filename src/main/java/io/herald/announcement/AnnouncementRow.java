package io.herald.announcement;

import java.time.Instant;

/**
 * One line of the authoring desk's lists.
 */
public record AnnouncementRow(long id, String title, String channelSlug, String channelName, Priority priority,
		AnnouncementStatus status, String authorName, Instant updatedAt, Instant scheduledAt, Instant publishedAt,
		Integer recipients) {

}
