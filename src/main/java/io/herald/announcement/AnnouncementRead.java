package io.herald.announcement;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A recipient opened a post for the first time. Raised in the transaction that recorded
 * the read, once per delivery.
 */
@NamedInterface("events")
public record AnnouncementRead(long announcementId, long employeeId, Instant readAt) {

}
