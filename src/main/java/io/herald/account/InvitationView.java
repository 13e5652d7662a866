package io.herald.account;

/**
 * What the invitation page shows: whose account it is, and whether the link still works.
 * Name and e-mail are null unless the link is valid.
 */
public record InvitationView(InvitationStatus status, String displayName, String email) {

	public boolean valid() {
		return this.status == InvitationStatus.VALID;
	}

}
