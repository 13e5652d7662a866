package io.herald.tracking.web;

import java.time.Duration;

/**
 * A duration as the tracking page words it: a message key and its two numbers, in the
 * largest units that fit ("2 d 3 h", "4 h 10 min", "12 min", "40 s").
 */
record Durations(String key, long first, long second) {

	static Durations of(Duration duration) {
		if (duration == null) {
			return null;
		}
		long seconds = Math.max(0, duration.getSeconds());
		if (seconds >= 86_400) {
			return new Durations("tracking.duration.days", seconds / 86_400, (seconds % 86_400) / 3600);
		}
		if (seconds >= 3600) {
			return new Durations("tracking.duration.hours", seconds / 3600, (seconds % 3600) / 60);
		}
		if (seconds >= 60) {
			return new Durations("tracking.duration.minutes", seconds / 60, seconds % 60);
		}
		return new Durations("tracking.duration.seconds", seconds, 0);
	}

}
