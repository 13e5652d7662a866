package io.herald.support;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import io.herald.shared.SignedInPerson;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Runs service calls as someone signed in, for tests that call services directly: a
 * person of a fixture (no account needed) or a demo account as signing in loads it. The
 * caller before is put back afterwards.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * A directory person signed in with these roles ({@code ROLE_} prefixed), in Warsaw's
	 * zone and English.
	 */
	public static Authentication person(long employeeId, String... roles) {
		Person person = new Person(-employeeId, employeeId, "person" + employeeId + "@herald-tests.test",
				ZoneId.of("Europe/Warsaw"), Locale.ENGLISH);
		return UsernamePasswordAuthenticationToken.authenticated(person, null,
				AuthorityUtils.createAuthorityList(roles));
	}

	/**
	 * A directory person signed in as an ordinary employee.
	 */
	public static Authentication employee(long employeeId) {
		return person(employeeId, "ROLE_EMPLOYEE");
	}

	/**
	 * An account as signing in loads it.
	 */
	public static Authentication user(UserDetails user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	public static <T> T as(Authentication authentication, Supplier<T> work) {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

	public static void as(Authentication authentication, Runnable work) {
		as(authentication, () -> {
			work.run();
			return null;
		});
	}

	private record Person(long accountId, long employeeId, String email, ZoneId timeZone,
			Locale locale) implements SignedInPerson {

	}

}
