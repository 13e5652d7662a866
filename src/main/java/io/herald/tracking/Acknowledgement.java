package io.herald.tracking;

import java.time.Instant;

/**
 * A recorded acknowledgement: when, and of which revision.
 */
public record Acknowledgement(long announcementId, Instant acknowledgedAt, int revision) {

}
