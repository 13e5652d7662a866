package io.herald.notification;

import org.springframework.modulith.NamedInterface;

/**
 * What a notification is about; its sentence comes from the message
 * {@code notification.kind.<NAME>}.
 */
@NamedInterface("api")
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
	MANAGER_DIGEST,

	/** An IMPORTANT post that asks for no acknowledgement went out to the person. */
	IMPORTANT_POST,

	/**
	 * A post that asks the person to acknowledge it reached them: when it went out, or
	 * later when they joined its audience.
	 */
	ACK_REQUEST,

	/** A post is waiting for the person's review. */
	REVIEW_REQUESTED,

	/** A reviewer approved the person's post. */
	POST_APPROVED,

	/** A reviewer sent the person's post back with changes to make. */
	CHANGES_REQUESTED

}
