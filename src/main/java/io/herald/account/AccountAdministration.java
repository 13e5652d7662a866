package io.herald.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.herald.audit.AuditLog;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.ForAdmins;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts: roles, password resets, disabling, ending sessions.
 * Every change writes an audit entry in the same transaction.
 */
@Service
@ForAdmins
public class AccountAdministration {

	// No 0/o, 1/l/i: the temporary password is read out or typed from a screen.
	private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository accounts;

	private final EmployeeDirectory directory;

	private final Invitations invitations;

	private final AccountProvisioning provisioning;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	AccountAdministration(UserAccountRepository accounts, EmployeeDirectory directory, Invitations invitations,
			AccountProvisioning provisioning, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.invitations = invitations;
		this.provisioning = provisioning;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<AccountDetails> details(long employeeId) {
		EmployeeSummary person = this.directory.findSummaries(List.of(employeeId)).get(employeeId);
		if (person == null) {
			return Optional.empty();
		}
		return Optional.of(this.accounts.findByEmployeeId(employeeId)
			.map((account) -> new AccountDetails(person, account.toSummary(), !account.hasPassword(),
					account.isMustChangePassword(), account.getSessionsRevokedAt(),
					this.invitations.openFor(List.of(account.getId())).get(account.getId())))
			.orElseGet(() -> new AccountDetails(person, null, false, false, null, null)));
	}

	/**
	 * The open invitation links of these people, by employee id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, InvitationLink> invitationsOf(Collection<Long> employeeIds) {
		Map<Long, Long> employeeByAccount = new HashMap<>();
		this.accounts.findByEmployeeIdIn(employeeIds)
			.stream()
			.filter((account) -> !account.hasPassword())
			.forEach((account) -> employeeByAccount.put(account.getId(), account.getEmployeeId()));
		Map<Long, InvitationLink> byEmployee = new HashMap<>();
		this.invitations.openFor(employeeByAccount.keySet())
			.forEach((accountId, link) -> byEmployee.put(employeeByAccount.get(accountId), link));
		return byEmployee;
	}

	@Transactional
	public void grantRole(SignedInPerson actor, long employeeId, Role role) {
		UserAccount account = accountOf(employeeId);
		if (account.getRoles().contains(role)) {
			return;
		}
		account.grant(Set.of(role));
		this.audit.record("account.role.granted", "account", account.getId(),
				"role " + role + " given to employee " + employeeId);
	}

	/**
	 * @throws AccountChangeRefused when an administrator takes their own administrator
	 * role, or the last enabled administrator would lose it
	 */
	@Transactional
	public void revokeRole(SignedInPerson actor, long employeeId, Role role) {
		if (role == Role.EMPLOYEE) {
			// Every account is an employee's: the role is what signing in means.
			throw new AccountChangeRefused("users.refused.employeeRole");
		}
		UserAccount account = accountOf(employeeId);
		if (!account.getRoles().contains(role)) {
			return;
		}
		if (role == Role.ADMIN) {
			requireNotSelf(actor, account, "users.refused.ownAdmin");
			requireAnotherAdmin(account);
		}
		account.revoke(role);
		// The roles travel in the session; ending it is what takes the rights away now.
		account.endSessions(this.clock.instant());
		this.audit.record("account.role.revoked", "account", account.getId(),
				"role " + role + " taken from employee " + employeeId);
	}

	/**
	 * Replaces the password with a temporary one the person must change at their next
	 * sign-in, and ends their sessions.
	 * @return the temporary password, to be shown to the administrator once and never
	 * stored in clear
	 */
	@Transactional
	public String resetPassword(SignedInPerson actor, long employeeId) {
		UserAccount account = accountOf(employeeId);
		EmployeeSummary person = this.directory.findSummaries(List.of(employeeId)).get(employeeId);
		String temporary;
		do {
			temporary = temporaryPassword();
		}
		while (!this.passwordPolicy.violations(temporary, person.email()).isEmpty());
		account.resetPassword(this.passwordEncoder.encode(temporary), this.clock.instant());
		this.audit.record("account.password.reset", "account", account.getId(),
				"temporary password set for employee " + employeeId + "; must change at next sign-in");
		return temporary;
	}

	@Transactional
	public void disable(SignedInPerson actor, long employeeId) {
		UserAccount account = accountOf(employeeId);
		if (!account.isEnabled()) {
			return;
		}
		requireNotSelf(actor, account, "users.refused.ownAccount");
		if (account.getRoles().contains(Role.ADMIN)) {
			requireAnotherAdmin(account);
		}
		account.disable(this.clock.instant());
		this.audit.record("account.disabled", "account", account.getId(),
				"employee " + employeeId + " may no longer sign in; sessions ended");
	}

	@Transactional
	public void enable(SignedInPerson actor, long employeeId) {
		UserAccount account = accountOf(employeeId);
		if (account.isEnabled()) {
			return;
		}
		account.enable();
		this.audit.record("account.enabled", "account", account.getId(), "employee " + employeeId + " may sign in");
	}

	@Transactional
	public void endSessions(SignedInPerson actor, long employeeId) {
		UserAccount account = accountOf(employeeId);
		Instant now = this.clock.instant();
		account.endSessions(now);
		this.audit.record("account.sessions.ended", "account", account.getId(),
				"every session of employee " + employeeId + " ended");
	}

	/**
	 * Gives a person without an account (or without a password) a fresh invitation.
	 */
	@Transactional
	public void invite(SignedInPerson actor, long employeeId) {
		if (this.provisioning.provision(List.of(employeeId)) == 0) {
			throw new AccountChangeRefused("users.refused.invite");
		}
	}

	private UserAccount accountOf(long employeeId) {
		return this.accounts.findByEmployeeId(employeeId)
			.orElseThrow(() -> new AccountChangeRefused("users.refused.noAccount"));
	}

	private static void requireNotSelf(SignedInPerson actor, UserAccount account, String code) {
		if (actor != null && account.getId() == actor.accountId()) {
			throw new AccountChangeRefused(code);
		}
	}

	private void requireAnotherAdmin(UserAccount account) {
		List<UserAccount> admins = this.accounts.lockEnabledAdmins();
		if (admins.stream().noneMatch((admin) -> !admin.getId().equals(account.getId()))) {
			throw new AccountChangeRefused("users.refused.lastAdmin");
		}
	}

	private static String temporaryPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
		}
		return password.toString();
	}

}
