package io.herald.tracking;

/**
 * Where one recipient is with a post. Without an acknowledgement asked for, only
 * {@code UNREAD} and {@code READ}.
 */
public enum RecipientStatus {

	/** Not opened yet, not overdue. */
	UNREAD,

	/** Opened, not acknowledged, not overdue. */
	READ,

	/** Not acknowledged, and their due time has passed. */
	OVERDUE,

	/** Acknowledged the current revision by their due time (or without one). */
	ACKNOWLEDGED,

	/** Acknowledged the current revision after their due time. */
	ACKNOWLEDGED_LATE

}
