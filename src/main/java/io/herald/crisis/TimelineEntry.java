package io.herald.crisis;

import java.time.Instant;

/**
 * One thing that happened during an incident, oldest first on its page. {@code title} and
 * {@code body} hold an update's text or a ticked step's description; {@code people} how
 * many were reached (opening, re-notifying).
 */
public record TimelineEntry(Instant at, Kind kind, String by, String title, String body, Integer people) {

	/**
	 * What happened; its label comes from the message {@code crisis.timeline.<NAME>}.
	 */
	public enum Kind {

		OPENED, UPDATE, STEP, RENOTIFIED, RESOLVED

	}

}
