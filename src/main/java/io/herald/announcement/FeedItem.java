package io.herald.announcement;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * One announcement in a person's feed, with where they are with it. {@code acknowledged}
 * refers to the revision that currently asks for acknowledgement; {@code revision} is the
 * post's revision as listed, which an acknowledgement from the list names. A crisis alert
 * names its {@code checkInPath}: it is answered there, not acknowledged.
 */
@NamedInterface("api")
public record FeedItem(long id, String title, String summary, Priority priority, String channelSlug, String channelName,
		Instant publishedAt, boolean pinned, boolean read, boolean ackRequired, boolean acknowledged, Instant ackDueAt,
		boolean overdue, int revision, String checkInPath) {

	/**
	 * Whether the person still owes an acknowledgement.
	 */
	public boolean awaitingAck() {
		return this.ackRequired && !this.acknowledged;
	}

}
