package io.herald.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that is malformed, unknown, expired or revoked: said the same way for
 * each, so a client learns nothing from guessing.
 */
public class TokenRefused extends AuthenticationException {

	TokenRefused(String why) {
		super(why);
	}

}
