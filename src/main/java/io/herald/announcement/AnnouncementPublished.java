package io.herald.announcement;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * An announcement went out: its deliveries exist. Published inside the publishing
 * transaction; {@code late} says it was due earlier (the application was down);
 * {@code ackRequired} that each recipient is asked to acknowledge it;
 * {@code notifiedBySender} that the module which sent it (crisis, for its alerts, updates
 * and all-clears) tells the recipients itself, so nobody else does.
 */
@NamedInterface("events")
public record AnnouncementPublished(long announcementId, long channelId, Priority priority, Instant publishedAt,
		int recipients, boolean late, boolean ackRequired, boolean notifiedBySender) {

}
