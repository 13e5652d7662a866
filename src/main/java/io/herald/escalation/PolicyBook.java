package io.herald.escalation;

import java.util.List;
import java.util.Map;

import io.herald.announcement.Priority;

/**
 * Every policy's steps at one moment, as the sweep reads them once per run: a channel's
 * override of a priority where there is one, else the priority's default.
 */
record PolicyBook(Map<Key, List<PolicyStep>> steps) {

	/**
	 * A priority's default ({@code channelKey} 0) or a channel's override.
	 */
	record Key(Priority priority, long channelKey) {

	}

	List<PolicyStep> stepsFor(Priority priority, long channelId) {
		List<PolicyStep> override = this.steps.get(new Key(priority, channelId));
		return (override != null) ? override : this.steps.getOrDefault(new Key(priority, 0), List.of());
	}

}
