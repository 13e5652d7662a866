package io.herald.escalation;

/**
 * Whether a step comes after its anchor or before it (before the due time only).
 */
public enum OffsetDirection {

	AFTER, BEFORE

}
