package io.herald.account;

/**
 * A set-password link was expired, already used, withdrawn or never existed.
 */
public class InvitationUnusable extends RuntimeException {

	private final InvitationStatus status;

	InvitationUnusable(InvitationStatus status) {
		super("Invitation " + status);
		this.status = status;
	}

	public InvitationStatus status() {
		return this.status;
	}

}
