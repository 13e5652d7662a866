package io.herald.notification;

import java.time.Duration;

/**
 * When to try a failed e-mail again: the first delay after one failure, doubling with
 * each further failure up to a cap; after {@code maxAttempts} failures it is given up.
 */
record Backoff(Duration first, Duration cap, int maxAttempts) {

	Backoff {
		if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
			throw new IllegalArgumentException("Unusable backoff: " + first + ", " + cap + ", " + maxAttempts);
		}
	}

	/**
	 * The wait before the next attempt after this many failures (1 or more).
	 */
	Duration delayAfter(int failures) {
		int doublings = Math.max(0, failures - 1);
		// Past 2^30 any sensible first delay is above any sensible cap.
		if (doublings >= 30) {
			return this.cap;
		}
		Duration delay = this.first.multipliedBy(1L << doublings);
		return (delay.compareTo(this.cap) > 0) ? this.cap : delay;
	}

	boolean givesUpAfter(int failures) {
		return failures >= this.maxAttempts;
	}

}
