package io.herald.notification;

/**
 * What a notification is about; its sentence comes from the message
 * {@code notification.kind.<NAME>}.
 */
public enum NotificationKind {

	/** A CRITICAL post went out to the person. */
	CRITICAL_POST,

	/** A reminder to acknowledge a post. */
	REMINDER,

	/** A manager or a communications manager asked the person to acknowledge. */
	NUDGE,

	/** A post went unacknowledged by people the recipient answers for (HR, owners). */
	ESCALATION,

	/** A manager's digest of their reports' overdue acknowledgements. */
	MANAGER_DIGEST

}
