package io.herald.announcement;

import java.time.Instant;
import java.util.List;

import io.herald.channel.ChannelView;

/**
 * A post on the content calendar at the time it goes (or went) out. {@code audienceKey}
 * is equal for posts with the same channel and narrowing; {@code narrowing} names the
 * departments and locations it was narrowed to; {@code drill} marks a crisis drill's
 * post.
 */
public record CalendarEntry(long id, String title, ChannelView channel, AnnouncementStatus status, Priority priority,
		Instant at, List<String> narrowing, String audienceKey, boolean drill) {

}
