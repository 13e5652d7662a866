package io.herald.escalation;

/**
 * How a step reaches people.
 */
public enum StepMedium {

	/** Only in Herald's inbox. */
	IN_APP,

	/**
	 * In the inbox and by e-mail, as each person's notification settings allow (always,
	 * for CRITICAL posts).
	 */
	EMAIL

}
