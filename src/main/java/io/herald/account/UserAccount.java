package io.herald.account;

import io.herald.shared.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "user_accounts")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long employeeId;

	private String passwordHash;

	private boolean enabled;

	private boolean mustChangePassword;

	private Instant lastLoginAt;

	private Instant passwordChangedAt;

	private Instant createdAt;

	private Instant sessionsRevokedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "account_roles", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(long employeeId, String passwordHash, Set<Role> roles, Instant now) {
		this.employeeId = employeeId;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.roles.add(Role.EMPLOYEE);
		this.roles.addAll(roles);
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	Long getId() {
		return this.id;
	}

	long getEmployeeId() {
		return this.employeeId;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	/**
	 * An account still waiting for its invitation to be accepted has no password, and a
	 * password check against nothing must not even be attempted.
	 */
	boolean canSignIn() {
		return this.enabled && this.passwordHash != null;
	}

	boolean hasPassword() {
		return this.passwordHash != null;
	}

	Instant getSessionsRevokedAt() {
		return this.sessionsRevokedAt;
	}

	void grant(Set<Role> granted) {
		this.roles.addAll(granted);
	}

	void revoke(Role role) {
		this.roles.remove(role);
	}

	void enable() {
		this.enabled = true;
	}

	void disable(Instant now) {
		this.enabled = false;
		endSessions(now);
	}

	void endSessions(Instant now) {
		this.sessionsRevokedAt = now;
	}

	/**
	 * A password an administrator chose: it works once, to sign in and choose a new one.
	 * Earlier sessions end.
	 */
	void resetPassword(String temporaryHash, Instant now) {
		this.passwordHash = temporaryHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
		endSessions(now);
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
	}

	/**
	 * The person chose a new password themselves: every session but the one they chose it
	 * in ends, on every instance, as whoever learnt the old password may hold one.
	 */
	void changeOwnPassword(String passwordHash, Instant now) {
		changePassword(passwordHash, now);
		endSessions(now);
	}

	Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	AccountSummary toSummary() {
		return new AccountSummary(this.id, this.employeeId, getRoles(), this.enabled, this.lastLoginAt);
	}

}
