package io.herald.account;

import io.herald.shared.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A signed-in account as a session holds it, for web slices that have no database to load
 * one from.
 */
public final class SliceAccounts {

	private SliceAccounts() {
	}

	/**
	 * Person {@code employeeId} (account {@code -employeeId}), in Warsaw's zone and
	 * English, with these roles.
	 */
	public static Authentication signedIn(long employeeId, String displayName, Role... roles) {
		HeraldUser user = new HeraldUser(-employeeId, employeeId, "person" + employeeId + "@herald-tests.test",
				displayName, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles)),
				ZoneId.of("Europe/Warsaw"), Locale.ENGLISH, true, null, Instant.EPOCH);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

}
