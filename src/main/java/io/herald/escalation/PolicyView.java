package io.herald.escalation;

import java.time.Instant;
import java.util.List;

import io.herald.announcement.Priority;

/**
 * A policy as administrators see it: the default for a priority ({@code channelId} null)
 * or a channel's override, with its steps in time order.
 */
public record PolicyView(long id, Priority priority, Long channelId, String channelName, List<PolicyStep> steps,
		long version, Instant updatedAt) {

	public boolean isDefault() {
		return this.channelId == null;
	}

}
