package io.herald.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.herald.directory.EmployeeDirectory;
import io.herald.directory.SignInProfile;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs an API client in by its personal access token: a format check, one HMAC and one
 * read through the unique index on the hash (with the account and its roles), and one of
 * the person: two statements, no transaction. No password hash and no throttle: a secret
 * of 256 random bits cannot be guessed, and a wrong one costs no more than that one read.
 * Deliberately not a bean, so the password provider stays the only one Spring Security
 * finds.
 */
class BearerTokenAuthenticationProvider implements AuthenticationProvider {

	private static final String REFUSED = "The token is unknown, expired or revoked";

	private final TokenStore tokens;

	private final TokenKey key;

	private final EmployeeDirectory directory;

	private final Clock clock;

	BearerTokenAuthenticationProvider(TokenStore tokens, TokenKey key, EmployeeDirectory directory, Clock clock) {
		this.tokens = tokens;
		this.key = key;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = (String) authentication.getCredentials();
		if (!PersonalAccessToken.wellFormed(token)) {
			throw new TokenRefused(REFUSED);
		}
		TokenStore.Match match = this.tokens.findByHash(PersonalAccessToken.hash(token, this.key.get()))
			.orElseThrow(() -> new TokenRefused(REFUSED));
		Instant now = this.clock.instant();
		if (!now.isBefore(match.expiresAt())) {
			throw new TokenRefused(REFUSED);
		}
		SignInProfile person = this.directory.findSignInProfile(match.employeeId())
			.orElseThrow(() -> new TokenRefused(REFUSED));
		if (!match.canSignIn() || !person.active()) {
			// As HTTP Basic answers a disabled account or a person who left.
			throw new DisabledException("User is disabled");
		}
		if (match.lastUsedAt() == null || match.lastUsedAt().isBefore(now.minusSeconds(60))) {
			this.tokens.touch(match.id(), now);
		}
		HeraldUser user = new HeraldUser(match.accountId(), person.id(), person.email(), person.displayName(),
				match.roles(), person.settings().timeZone(), person.settings().locale(), true, null, now);
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		// The account was read just now, so the API's per-request account check
		// (config's ApiAccountFilter) need not read it again.
		signedIn.setDetails(
				match.mustChangePassword() ? SessionGuard.Verdict.MUST_CHANGE_PASSWORD : SessionGuard.Verdict.CONTINUE);
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerToken.class.isAssignableFrom(authentication);
	}

	/**
	 * A token as it arrived, not yet checked.
	 */
	static final class BearerToken extends AbstractAuthenticationToken {

		private final String token;

		BearerToken(String token) {
			super(List.of());
			this.token = token;
		}

		@Override
		public Object getCredentials() {
			return this.token;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}

	}

}
