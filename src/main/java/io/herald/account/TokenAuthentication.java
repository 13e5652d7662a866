package io.herald.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import io.herald.directory.EmployeeDirectory;

import org.springframework.http.HttpHeaders;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * What the API's security chain needs to accept {@code Authorization: Bearer <token>}: a
 * converter that reads the header and a manager of its own that checks tokens only, so
 * tokens never reach the password throttle and passwords never reach this.
 */
@Component
@NamedInterface("api")
public class TokenAuthentication {

	private static final String SCHEME = "Bearer ";

	private final AuthenticationManager manager;

	TokenAuthentication(TokenStore tokens, TokenKey key, EmployeeDirectory directory, Clock clock) {
		this.manager = new ProviderManager(new BearerTokenAuthenticationProvider(tokens, key, directory, clock));
	}

	/**
	 * Reads a bearer token; nothing (so HTTP Basic or no credentials go on as before)
	 * when the request has none.
	 */
	public AuthenticationConverter converter() {
		return TokenAuthentication::bearerToken;
	}

	public AuthenticationManager manager() {
		return this.manager;
	}

	private static BearerTokenAuthenticationProvider.BearerToken bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		return new BearerTokenAuthenticationProvider.BearerToken(header.substring(SCHEME.length()).strip());
	}

}
