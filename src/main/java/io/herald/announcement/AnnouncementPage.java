package io.herald.announcement;

import java.time.Instant;

/**
 * An announcement as its reader sees it. {@code bodyHtml} is sanitised and safe to insert
 * unescaped. {@code recipient} is false for HR and channel managers reading a post that
 * was not sent to them (no read is recorded for them). {@code mayTrack} says the reader
 * may see how the post is tracked (HR, administrators, the channel's managers).
 * {@code checkInPath} is where a crisis alert takes its safety check-in instead of an
 * acknowledgement ({@code null} for other posts).
 */
public record AnnouncementPage(long id, String title, String summary, String bodyHtml, Priority priority,
		String channelSlug, String channelName, String authorName, Instant publishedAt, int revision,
		AnnouncementStatus status, boolean expired, boolean recipient, Instant readAt, boolean ackRequired,
		boolean acknowledged, Instant acknowledgedAt, Instant ackDueAt, boolean overdue, boolean mayTrack,
		String checkInPath) {

}
