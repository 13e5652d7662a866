package io.herald.escalation;

/**
 * What became of a nudge.
 */
public enum Nudge {

	/** The report was reminded now. */
	SENT,

	/** Someone already nudged them about this post today; nothing was sent. */
	ALREADY_TODAY

}
