package io.herald.escalation;

/**
 * A step as an administrator entered it, not yet checked. {@code row} is its place in the
 * form, for naming the field a problem is about; {@code code} is the step's code when it
 * already exists, else null.
 */
public record StepDraft(int row, String code, Integer amount, OffsetUnit unit, OffsetDirection direction,
		StepAnchor anchor, StepAction action, StepMedium medium) {

}
