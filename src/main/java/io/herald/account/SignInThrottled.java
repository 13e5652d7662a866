package io.herald.account;

import java.time.Duration;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without checking the password: too many recent failures from this
 * client address, or for this e-mail address from it. Said the same way whether an
 * account exists for the address or not.
 */
@NamedInterface("api")
public class SignInThrottled extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottled(Duration retryAfter) {
		super("Too many failed sign-in attempts");
		this.retryAfter = retryAfter;
	}

	/**
	 * How long until the next attempt will be looked at, at least a second.
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
