package io.herald.escalation;

/**
 * A step to record for a person now, and what becomes of it.
 */
record StepDue(PolicyStep step, Outcome outcome) {

	StepDue withOutcome(Outcome outcome) {
		return new StepDue(this.step, outcome);
	}

}
