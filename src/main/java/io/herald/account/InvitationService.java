package io.herald.account;

import java.time.Clock;
import java.util.List;

import io.herald.audit.AuditLog;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of invitations: anyone holding the link may look at it and set the
 * first password of the account it belongs to, once, before it expires. The link itself
 * is the credential, so there is no role to check.
 */
@Service
public class InvitationService {

	private final Invitations invitations;

	private final UserAccountRepository accounts;

	private final EmployeeDirectory directory;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	InvitationService(Invitations invitations, UserAccountRepository accounts, EmployeeDirectory directory,
			PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
		this.invitations = invitations;
		this.accounts = accounts;
		this.directory = directory;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public InvitationView lookup(String token) {
		return this.invitations.find(token).map((invitation) -> {
			InvitationStatus status = invitation.status(this.clock.instant());
			if (status != InvitationStatus.VALID) {
				return new InvitationView(status, null, null);
			}
			String name = this.directory.findByEmail(invitation.email())
				.map(EmployeeSummary::displayName)
				.orElse(invitation.email());
			return new InvitationView(status, name, invitation.email());
		}).orElseGet(() -> new InvitationView(InvitationStatus.UNKNOWN, null, null));
	}

	/**
	 * Sets the account's first password and uses the invitation up.
	 * @throws InvitationUnusable when the link no longer works
	 * @throws PasswordPolicyViolation when the password breaks the policy (the link stays
	 * usable)
	 */
	@Transactional
	public void accept(String token, String password) {
		Invitations.Invitation invitation = this.invitations.find(token)
			.orElseThrow(() -> new InvitationUnusable(InvitationStatus.UNKNOWN));
		InvitationStatus status = invitation.status(this.clock.instant());
		if (status != InvitationStatus.VALID) {
			throw new InvitationUnusable(status);
		}
		List<String> violations = this.passwordPolicy.violations(password, invitation.email());
		if (!violations.isEmpty()) {
			throw new PasswordPolicyViolation(violations);
		}
		// The conditional update decides between two submissions racing each other.
		if (!this.invitations.use(token)) {
			throw new InvitationUnusable(InvitationStatus.USED);
		}
		UserAccount account = this.accounts.findById(invitation.accountId()).orElseThrow();
		account.changePassword(this.passwordEncoder.encode(password), this.clock.instant());
		this.audit.record("account.invitation.accepted", "account", account.getId(),
				"employee " + invitation.employeeId() + " set their first password");
	}

}
