package io.herald.announcement;

/**
 * SQL over a delivery {@code d} and its announcement {@code a} that every module reading
 * deliveries must agree on, written once.
 */
public final class DeliverySql {

	/**
	 * When this recipient has to acknowledge by: the post's due time, or a late joiner's
	 * own later one. A re-ask's fresh window replaces an earlier personal deadline, so
	 * the later of the two holds ({@code greatest} ignores a missing one).
	 */
	public static final String EFFECTIVE_DUE = "greatest(d.ack_due_at, a.ack_due_at)";

	/**
	 * Whether this recipient has acknowledged the revision now asked for (an
	 * acknowledgement of an earlier revision no longer counts).
	 */
	public static final String ACKNOWLEDGED = "(d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision)";

	private DeliverySql() {
	}

}
