package io.herald.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling a service, for the rules that depend on it (method security covers the
 * rest).
 */
public final class Callers {

	private Callers() {
	}

	public static Optional<SignedInPerson> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person)
				? Optional.of(person) : Optional.empty();
	}

	/**
	 * The signed-in person; services behind method security always have one.
	 */
	public static SignedInPerson require() {
		return current().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
	}

	/**
	 * Whether the caller holds any of these roles.
	 */
	public static boolean hasAnyRole(Role... roles) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		Set<String> wanted = Set.copyOf(Arrays.stream(roles).map(Role::authority).toList());
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::contains);
	}

}
