package io.herald.escalation;

/**
 * What a step does about someone who has not acknowledged.
 */
public enum StepAction {

	/** Reminds the person themselves. */
	REMIND_RECIPIENT,

	/**
	 * Tells their manager, in one digest per manager; an inactive manager is passed over
	 * for the next active one up the chain.
	 */
	ESCALATE_MANAGER,

	/** Tells the channel's owners; a channel without active owners falls back to HR. */
	ESCALATE_CHANNEL_OWNER,

	/** Tells everyone holding the HR role. */
	ESCALATE_HR,

	/**
	 * Tells the crisis response team: for a crisis alert, its plan's team (deputies for
	 * members who left); for any other post, everyone holding the COMMS_MANAGER role.
	 */
	ESCALATE_CRISIS_TEAM;

	public boolean reminds() {
		return this == REMIND_RECIPIENT;
	}

}
