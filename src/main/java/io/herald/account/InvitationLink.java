package io.herald.account;

import java.time.Instant;

/**
 * An open invitation, for administrators to hand over until e-mail notifications exist.
 */
public record InvitationLink(String token, Instant expiresAt) {

	public String path() {
		return "/invitation/" + this.token;
	}

}
