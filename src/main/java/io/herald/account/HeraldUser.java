package io.herald.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: who they are in the directory, their roles and how they read
 * times.
 */
@NamedInterface("api")
public final class HeraldUser implements SignedInPerson, UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final long employeeId;

	private final String email;

	private final String displayName;

	private final Set<Role> roles;

	private final ZoneId timeZone;

	private final Locale locale;

	private final boolean enabled;

	private final Instant authenticatedAt;

	private String passwordHash;

	HeraldUser(long accountId, long employeeId, String email, String displayName, Set<Role> roles, ZoneId timeZone,
			Locale locale, boolean enabled, String passwordHash, Instant authenticatedAt) {
		this.accountId = accountId;
		this.employeeId = employeeId;
		this.email = email;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.timeZone = timeZone;
		this.locale = locale;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
		this.authenticatedAt = authenticatedAt;
	}

	/**
	 * When this person signed in: sessions older than their account's revocation instant
	 * end at their next request.
	 */
	/**
	 * The same person with fresh details but the original sign-in time, so a refresh
	 * cannot outlive an "end sessions" given before it.
	 */
	HeraldUser signedInAt(Instant signedIn) {
		return new HeraldUser(this.accountId, this.employeeId, this.email, this.displayName, this.roles, this.timeZone,
				this.locale, this.enabled, this.passwordHash, signedIn);
	}

	public Instant authenticatedAt() {
		return this.authenticatedAt;
	}

	@Override
	public long accountId() {
		return this.accountId;
	}

	@Override
	public long employeeId() {
		return this.employeeId;
	}

	@Override
	public String email() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	@Override
	public ZoneId timeZone() {
		return this.timeZone;
	}

	@Override
	public Locale locale() {
		return this.locale;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	/**
	 * Accounts are never locked: repeated failures slow down the address they come from
	 * ({@link SignInThrottle}), so nobody can lock the owner out from elsewhere.
	 */
	@Override
	public boolean isAccountNonLocked() {
		return true;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HeraldUser user && user.accountId == this.accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.accountId);
	}

	@Override
	public String toString() {
		return "HeraldUser[account=" + this.accountId + ", roles=" + this.roles + "]";
	}

}
