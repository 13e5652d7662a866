package io.herald.account;

import io.herald.shared.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An account as administrators see it.
 */
public record AccountSummary(long id, long employeeId, Set<Role> roles, boolean enabled, Instant lastLoginAt) {

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
