package io.herald.escalation;

/**
 * What became of a step recorded for a person.
 */
enum Outcome {

	/** Sent, or queued for the sweep's digests. */
	SENT,

	/**
	 * Its time fell before the person was asked (a reminder "24 hours before due" of a
	 * post due in two hours, say): nobody is reminded of a post before they had it.
	 */
	SKIPPED,

	/** Nobody active up the person's manager chain. */
	NO_MANAGER

}
