package io.herald.crisis;

import java.time.Instant;

/**
 * One incident in the list on {@code /crisis}.
 */
public record IncidentSummary(long id, String title, boolean drill, IncidentStatus status, Instant openedAt,
		Instant resolvedAt, int recipients, long answered) {

}
