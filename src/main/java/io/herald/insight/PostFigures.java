package io.herald.insight;

import java.time.Instant;

import io.herald.announcement.Priority;

/**
 * One post's figures for the people a dashboard counts.
 */
public record PostFigures(long id, String title, long channelId, String channel, Priority priority, Instant publishedAt,
		boolean ackRequired, Figures figures) {

}
