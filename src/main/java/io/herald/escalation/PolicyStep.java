package io.herald.escalation;

/**
 * One step of a policy: at {@code offsetMinutes} from its anchor (negative: before the
 * due time), do {@code action} through {@code medium}. {@code code} names the step for
 * good, so a step is recorded once per person however its time is edited.
 */
public record PolicyStep(String code, StepAnchor anchor, int offsetMinutes, StepAction action, StepMedium medium) {

	/**
	 * The offset as people enter it: an amount of {@link #unit()}s ...
	 */
	public int amount() {
		return Math.abs(this.offsetMinutes) / unit().minutes();
	}

	public OffsetUnit unit() {
		return OffsetUnit.largestFor(Math.abs(this.offsetMinutes));
	}

	/**
	 * ... before or after the anchor.
	 */
	public OffsetDirection direction() {
		return (this.offsetMinutes < 0) ? OffsetDirection.BEFORE : OffsetDirection.AFTER;
	}

}
