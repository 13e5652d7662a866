package io.herald.account;

/**
 * Whether a set-password link can still be used, and if not, why.
 */
public enum InvitationStatus {

	VALID, EXPIRED, USED, WITHDRAWN, UNKNOWN

}
