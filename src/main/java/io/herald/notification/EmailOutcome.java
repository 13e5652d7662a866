package io.herald.notification;

/**
 * Where the e-mail of a post to one person stands: sent, still waiting (pending or held),
 * or failed with the reason (a bounce, an unusable address, someone who left).
 */
public record EmailOutcome(long employeeId, OutboxStatus status, String error) {

}
