package io.herald.escalation;

/**
 * What a step's time counts from.
 */
public enum StepAnchor {

	/**
	 * When the person was asked: the post reached them, or a material revision asked
	 * again. Offsets are after it only.
	 */
	PUBLISHED,

	/**
	 * The person's acknowledgement deadline (a late joiner's own, else the post's).
	 * Offsets may be before or after it.
	 */
	DUE

}
