package io.herald.account;

import org.springframework.security.core.AuthenticationException;

import org.springframework.modulith.NamedInterface;

/**
 * A bearer token that is malformed, unknown, expired or revoked: said the same way for
 * each, so a client learns nothing from guessing.
 */
@NamedInterface("api")
public class TokenRefused extends AuthenticationException {

	TokenRefused(String why) {
		super(why);
	}

}
