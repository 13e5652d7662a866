package io.herald.notification;

import org.springframework.modulith.NamedInterface;

/**
 * Where the e-mail of a post to one person stands: sent, still waiting (pending or held),
 * or failed with the reason (a bounce, an unusable address, someone who left).
 */
@NamedInterface("api")
public record EmailOutcome(long employeeId, OutboxStatus status, String error) {

}
