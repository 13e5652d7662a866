package io.herald.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actorId the employee id of whoever did it; null for the system itself
 * @param action what happened, e.g. {@code account.role.granted}
 * @param targetType what kind of thing it happened to, e.g. {@code employee},
 * {@code account}
 */
public record AuditRecord(long id, Instant occurredAt, Long actorId, String actorEmail, String action,
		String targetType, Long targetId, String details) {

}
