package io.herald.account;

import java.time.Instant;
import java.util.Set;

/**
 * An account as administrators see it.
 *
 * @param lockedUntil when sign-in is refused because of repeated failures, until when;
 * else null
 */
public record AccountSummary(long id, long employeeId, Set<Role> roles, boolean enabled, Instant lockedUntil,
		Instant lastLoginAt) {

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
