package io.herald.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * One person's delivery of a post that asks for acknowledgement, as the rules need it.
 * {@code askedAt} is when the current revision reached them (delivery, or the material
 * revision that asked again, whichever is later); {@code dueAt} their deadline, or null;
 * {@code done} the codes of the steps already recorded for this revision.
 */
record Pending(long announcementId, long employeeId, boolean active, boolean acknowledged, Instant askedAt,
		Instant dueAt, ZoneId zone, Set<String> done) {

}
