package io.herald.tracking;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A recipient acknowledged a revision of a post, for the first time. Raised in the
 * transaction that recorded it.
 */
@NamedInterface("events")
public record AnnouncementAcknowledged(long announcementId, long employeeId, int revision, Instant acknowledgedAt,
		boolean onTime) {

}
