package io.herald.config;

import java.time.Clock;

import io.herald.account.SessionGuard;
import io.herald.account.TokenAuthentication;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.BadCredentialsException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The beans a web slice needs that a plain mock cannot stand in for: the API chain is
 * built even when a slice tests a page, so bearer tokens get a converter that finds none
 * and a manager that refuses any; every session goes on (no accounts to end it); dates
 * are formatted on the system clock.
 */
@TestConfiguration(proxyBeanMethods = false)
class SliceBeans {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SessionGuard sessionGuard() {
		SessionGuard guard = mock(SessionGuard.class);
		given(guard.check(any())).willReturn(SessionGuard.Verdict.CONTINUE);
		return guard;
	}

	@Bean
	TokenAuthentication tokenAuthentication() {
		TokenAuthentication tokens = mock(TokenAuthentication.class);
		given(tokens.converter()).willReturn((request) -> null);
		given(tokens.manager()).willReturn((authentication) -> {
			throw new BadCredentialsException("No tokens in a web slice");
		});
		return tokens;
	}

}
