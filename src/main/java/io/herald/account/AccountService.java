package io.herald.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.PersonalSettings;
import io.herald.shared.ForAdmins;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creating them, signing in (with throttling), changing passwords, and what
 * administrators see of them.
 */
@Service
@NamedInterface("api")
public class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final UserAccountRepository accounts;

	private final EmployeeDirectory directory;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final SignInThrottle throttle;

	private final Clock clock;

	private final boolean demoMode;

	private final SecurityContextRepository securityContextRepository = new HttpSessionSecurityContextRepository();

	AccountService(UserAccountRepository accounts, EmployeeDirectory directory, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, SignInThrottle throttle, Clock clock, DemoProperties demo) {
		this.accounts = accounts;
		this.directory = directory;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.throttle = throttle;
		this.clock = clock;
		this.demoMode = demo.enabled();
	}

	/**
	 * Gives each person an account with the same initial password, hashed once. Meant for
	 * seeding: the shared password does not go through the policy.
	 */
	@Transactional
	public void createAccountsWithSharedPassword(Map<Long, Set<Role>> rolesByEmployee, String password) {
		if (!this.demoMode) {
			throw new IllegalStateException("Shared passwords exist in demo mode only");
		}
		String hash = this.passwordEncoder.encode(password);
		Instant now = this.clock.instant();
		this.accounts.saveAll(rolesByEmployee.entrySet()
			.stream()
			.map((entry) -> new UserAccount(entry.getKey(), hash, entry.getValue(), now))
			.toList());
	}

	/**
	 * Makes a person an administrator (and HR) with a password that must satisfy the
	 * policy, creating their account if they have none yet.
	 * @throws PasswordPolicyViolation when the password does not
	 */
	@Transactional
	void makeAdministrator(long employeeId, String email, String password) {
		requireAcceptable(password, email);
		String hash = this.passwordEncoder.encode(password);
		Instant now = this.clock.instant();
		UserAccount account = this.accounts.findByEmployeeId(employeeId)
			.orElseGet(() -> new UserAccount(employeeId, hash, Set.of(), now));
		account.changePassword(hash, now);
		account.enable();
		account.grant(Set.of(Role.ADMIN, Role.HR));
		this.accounts.save(account);
	}

	/**
	 * Who holds a role, as employee ids of enabled accounts: for background jobs that
	 * tell a role's holders (escalations to HR, say), so it needs no caller. Whether each
	 * person is still active is the directory's to say.
	 */
	@Transactional(readOnly = true)
	public Set<Long> employeesHolding(Role role) {
		return Set.copyOf(this.accounts.findEnabledEmployeeIdsWithRole(role));
	}

	/**
	 * Which of these people can sign in (an enabled account with a password), so can be
	 * reached in the app: for reports on who a message could reach.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public Set<Long> employeesAbleToSignIn(Collection<Long> employeeIds) {
		Set<Long> able = new HashSet<>();
		List<Long> distinct = employeeIds.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += 1000) {
			able.addAll(this.accounts
				.findEmployeeIdsAbleToSignIn(distinct.subList(from, Math.min(from + 1000, distinct.size()))));
		}
		return able;
	}

	@Transactional(readOnly = true)
	boolean hasEnabledAdmin() {
		return this.accounts.existsEnabledAdmin();
	}

	/**
	 * The messages codes of every policy rule a proposed password breaks.
	 */
	List<String> passwordViolations(String password, String email) {
		return this.passwordPolicy.violations(password, email);
	}

	/**
	 * Changes the signed-in person's own password after checking the current one, and
	 * ends their other sessions on every instance. A wrong current password counts
	 * towards the sign-in throttle for this client address, as a failed sign-in does.
	 * @throws PasswordPolicyViolation when the new password breaks the policy
	 */
	@PreAuthorize("principal instanceof T(io.herald.shared.SignedInPerson) and #user.accountId == principal.accountId")
	@Transactional
	public PasswordChange changeOwnPassword(HeraldUser user, String currentPassword, String newPassword,
			String clientAddress) {
		UserAccount account = this.accounts.lockByEmployeeId(user.employeeId()).orElseThrow();
		// Someone holding a session must not get unlimited guesses at the password behind
		// it.
		if (this.throttle.tryAttempt(user.email(), clientAddress).isPresent()) {
			return PasswordChange.COOLING_OFF;
		}
		if (!this.passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return PasswordChange.WRONG_CURRENT_PASSWORD;
		}
		this.throttle.succeeded(user.email(), clientAddress);
		requireAcceptable(newPassword, user.email());
		account.changeOwnPassword(this.passwordEncoder.encode(newPassword),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		log.info("Account {} changed its password; its other sessions end", account.getId());
		return PasswordChange.CHANGED;
	}

	/**
	 * Keeps the session a person changed their password in: it counts as signed in at the
	 * change, so it outlives the end of their other sessions, not a later one.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void keepSessionAfterPasswordChange(HttpServletRequest request, HttpServletResponse response) {
		resave(request, response,
				(user) -> this.accounts.findById(user.accountId())
					.map(UserAccount::getPasswordChangedAt)
					.orElse(user.authenticatedAt()));
	}

	/**
	 * Reloads the signed-in person's principal after they changed their own details
	 * (name, time zone, language), keeping them signed in.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void refreshSignedInUser(HttpServletRequest request, HttpServletResponse response) {
		resave(request, response, HeraldUser::authenticatedAt);
	}

	private void resave(HttpServletRequest request, HttpServletResponse response,
			Function<HeraldUser, Instant> signedInAt) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (!(current.getPrincipal() instanceof HeraldUser user)) {
			return;
		}
		Instant signedIn = signedInAt.apply(user);
		loadUser(user.email()).map((loaded) -> loaded.signedInAt(signedIn)).ifPresent((fresh) -> {
			fresh.eraseCredentials();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
			SecurityContextHolder.setContext(context);
			this.securityContextRepository.saveContext(context, request, response);
		});
	}

	/**
	 * Who is signing in with this e-mail, as Spring Security needs it; empty when there
	 * is no such person or they have no account.
	 */
	@Transactional(readOnly = true)
	Optional<HeraldUser> loadUser(String email) {
		return this.directory.findByEmail(email)
			.flatMap((person) -> this.accounts.findByEmployeeId(person.id()).map((account) -> toUser(person, account)));
	}

	private HeraldUser toUser(EmployeeSummary person, UserAccount account) {
		PersonalSettings settings = this.directory.findSettings(person.id()).orElseThrow();
		return new HeraldUser(account.getId(), person.id(), person.email(), person.displayName(), account.getRoles(),
				settings.timeZone(), settings.locale(), account.canSignIn() && person.active(),
				account.getPasswordHash(), this.clock.instant());
	}

	@Transactional
	void recordSuccessfulLogin(long accountId) {
		this.accounts.recordSignIn(accountId, this.clock.instant().truncatedTo(ChronoUnit.MINUTES));
	}

	@ForAdmins
	@Transactional(readOnly = true)
	public Map<Long, AccountSummary> accountsOf(Collection<Long> employeeIds) {
		return this.accounts.findByEmployeeIdIn(employeeIds)
			.stream()
			.map(UserAccount::toSummary)
			.collect(Collectors.toMap(AccountSummary::employeeId, Function.identity()));
	}

	@ForAdmins
	@Transactional(readOnly = true)
	public AccountOverview overview() {
		Map<Role, Long> byRole = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			byRole.put(role, 0L);
		}
		for (Object[] row : this.accounts.countEnabledByRole()) {
			byRole.put((Role) row[0], ((Number) row[1]).longValue());
		}
		return new AccountOverview(this.accounts.countByEnabled(true), this.accounts.countByEnabled(false), byRole);
	}

	private void requireAcceptable(String password, String email) {
		List<String> violations = this.passwordPolicy.violations(password, email);
		if (!violations.isEmpty()) {
			throw new PasswordPolicyViolation(violations);
		}
	}

}
