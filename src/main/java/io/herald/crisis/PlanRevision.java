package io.herald.crisis;

import java.time.Instant;
import java.util.List;

/**
 * One saved revision in a plan's history: who saved it, when, and which parts changed
 * (message-key suffixes such as {@code team} or {@code checklist}).
 */
public record PlanRevision(int revision, String changedBy, Instant changedAt, List<String> changes) {

}
