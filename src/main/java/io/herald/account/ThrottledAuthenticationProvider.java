package io.herald.account;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in by e-mail and password (the login form and HTTP Basic alike) behind the
 * {@link SignInThrottle}: a refused attempt never reaches the password check, a failed
 * one keeps its tokens, a successful one gives them back. The client address is the
 * connection's, or what a configured trusted proxy says it is — never a header anyone can
 * send.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String email = attempt.getName();
		String address = clientAddress(attempt.getDetails());
		Optional<Duration> wait = this.throttle.tryAttempt(email, address);
		if (wait.isPresent()) {
			log.warn("Refused sign-in from {} without checking the password: too many failures", address);
			throw new SignInThrottled(wait.get());
		}
		Authentication signedIn = this.passwords.authenticate(attempt);
		this.throttle.succeeded(email, address);
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String clientAddress(Object details) {
		return (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
	}

}
