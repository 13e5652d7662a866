package io.herald.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import io.herald.shared.Role;
import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What administrators do to accounts, against the real database: the guards that keep an
 * administrator in place, resets that force a new password, and the audit trail.
 */
@SpringBootTest
class AccountAdministrationTests implements PostgresIntegrationTest {

	@Autowired
	AccountAdministration administration;

	@Autowired
	AccountService accounts;

	@Autowired
	SessionGuard sessionGuard;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	HeraldUser admin;

	@BeforeEach
	void signInAsTheDemoAdministrator() {
		long accountId = this.jdbc.queryForObject(
				"select a.id from user_accounts a join employees e on e.id = a.employee_id where e.email = 'admin@herald.test'",
				Long.class);
		long employeeId = this.jdbc.queryForObject("select employee_id from user_accounts where id = ?", Long.class,
				accountId);
		this.admin = user(accountId, employeeId, "admin@herald.test", Set.of(Role.EMPLOYEE, Role.ADMIN), Instant.now());
		signInAs(this.admin);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void givingAndTakingARoleChangesTheAccountAndIsAudited() {
		FinancePeople.Person person = FinancePeople.next(this.context);

		this.administration.grantRole(this.admin, person.employeeId(), Role.COMMS_MANAGER);

		assertThat(roles(person)).contains("COMMS_MANAGER");
		assertThat(auditActions(person)).contains("account.role.granted");
		assertThat(this.jdbc.queryForObject(
				"select actor_email from audit_entries where target_id = ? and action = 'account.role.granted'",
				String.class, person.accountId()))
			.isEqualTo("admin@herald.test");

		this.administration.revokeRole(this.admin, person.employeeId(), Role.COMMS_MANAGER);

		assertThat(roles(person)).doesNotContain("COMMS_MANAGER");
		assertThat(auditActions(person)).contains("account.role.revoked");
	}

	@Test
	void takingARoleEndsTheSessionsThatStillCarryIt() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		this.administration.grantRole(this.admin, person.employeeId(), Role.HR);
		HeraldUser signedInAsHr = this.accounts.loadUser(person.email()).orElseThrow();
		assertThat(this.sessionGuard.check(signedInAsHr)).isEqualTo(SessionGuard.Verdict.CONTINUE);

		this.administration.revokeRole(this.admin, person.employeeId(), Role.HR);

		assertThat(this.sessionGuard.check(signedInAsHr)).isEqualTo(SessionGuard.Verdict.ENDED);
	}

	@Test
	void anAdministratorCannotTakeTheirOwnAdministratorRole() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		this.administration.grantRole(this.admin, person.employeeId(), Role.ADMIN);
		HeraldUser self = user(person.accountId(), person.employeeId(), person.email(),
				Set.of(Role.EMPLOYEE, Role.ADMIN), Instant.now());
		signInAs(self);

		assertThatThrownBy(() -> this.administration.revokeRole(self, person.employeeId(), Role.ADMIN))
			.isInstanceOfSatisfying(AccountChangeRefused.class,
					(refused) -> assertThat(refused.code()).isEqualTo("users.refused.ownAdmin"));
		assertThat(roles(person)).contains("ADMIN");

		signInAs(this.admin);
		this.administration.revokeRole(this.admin, person.employeeId(), Role.ADMIN);
		assertThat(roles(person)).doesNotContain("ADMIN");
	}

	@Test
	void theLastEnabledAdministratorKeepsTheRoleAndTheAccount() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		this.administration.grantRole(this.admin, person.employeeId(), Role.ADMIN);

		// Every other administrator disabled, inside a transaction that is rolled back so
		// the shared database never sees it.
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("""
					update user_accounts set enabled = false where id <> ?
					  and id in (select account_id from account_roles where role = 'ADMIN')""", person.accountId());

			assertThatThrownBy(() -> this.administration.revokeRole(this.admin, person.employeeId(), Role.ADMIN))
				.isInstanceOfSatisfying(AccountChangeRefused.class,
						(refused) -> assertThat(refused.code()).isEqualTo("users.refused.lastAdmin"));
			assertThatThrownBy(() -> this.administration.disable(this.admin, person.employeeId()))
				.isInstanceOfSatisfying(AccountChangeRefused.class,
						(refused) -> assertThat(refused.code()).isEqualTo("users.refused.lastAdmin"));
			status.setRollbackOnly();
		});

		this.administration.revokeRole(this.admin, person.employeeId(), Role.ADMIN);
		assertThat(roles(person)).doesNotContain("ADMIN");
	}

	@Test
	void aResetPasswordEndsSessionsAndMustBeChangedAtTheNextSignIn() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		HeraldUser signedInBefore = user(person.accountId(), person.employeeId(), person.email(), Set.of(Role.EMPLOYEE),
				Instant.now().minusSeconds(60));

		String temporary = this.administration.resetPassword(this.admin, person.employeeId());

		assertThat(this.sessionGuard.check(signedInBefore)).isEqualTo(SessionGuard.Verdict.ENDED);
		HeraldUser signedInWithTemporary = this.accounts.loadUser(person.email()).orElseThrow();
		assertThat(this.passwordEncoder.matches(temporary, signedInWithTemporary.getPassword())).isTrue();
		assertThat(this.sessionGuard.check(signedInWithTemporary)).isEqualTo(SessionGuard.Verdict.MUST_CHANGE_PASSWORD);
		assertThat(auditActions(person)).contains("account.password.reset");
		assertThat(this.jdbc.queryForObject(
				"select details from audit_entries where target_id = ? and action = 'account.password.reset'",
				String.class, person.accountId()))
			.doesNotContain(temporary);

		signInAs(signedInWithTemporary);
		assertThat(this.accounts.changeOwnPassword(signedInWithTemporary, temporary, "a brand new passphrase 42",
				"127.0.0.1"))
			.isEqualTo(PasswordChange.CHANGED);

		// Every session from before the change ends; the page the change was made on
		// keeps its own, as signed in at the change.
		assertThat(this.sessionGuard.check(signedInWithTemporary)).isEqualTo(SessionGuard.Verdict.ENDED);
		assertThat(this.sessionGuard
			.check(this.accounts.loadUser(person.email())
				.orElseThrow()
				.signedInAt(this.jdbc.queryForObject("select password_changed_at from user_accounts where id = ?",
						java.sql.Timestamp.class, person.accountId())
					.toInstant())))
			.isEqualTo(SessionGuard.Verdict.CONTINUE);
	}

	@Test
	void disablingEndsSessionsAndEnablingLetsThePersonBackIn() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		HeraldUser signedIn = this.accounts.loadUser(person.email()).orElseThrow();

		this.administration.disable(this.admin, person.employeeId());

		assertThat(this.sessionGuard.check(signedIn)).isEqualTo(SessionGuard.Verdict.ENDED);
		assertThat(this.accounts.loadUser(person.email()).orElseThrow().isEnabled()).isFalse();

		this.administration.enable(this.admin, person.employeeId());

		assertThat(this.accounts.loadUser(person.email()).orElseThrow().isEnabled()).isTrue();
		assertThat(auditActions(person)).contains("account.disabled", "account.enabled");
	}

	@Test
	void endingSessionsEndsThoseStartedBeforeOnly() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		HeraldUser before = user(person.accountId(), person.employeeId(), person.email(), Set.of(Role.EMPLOYEE),
				Instant.now().minusSeconds(60));

		this.administration.endSessions(this.admin, person.employeeId());

		assertThat(this.sessionGuard.check(before)).isEqualTo(SessionGuard.Verdict.ENDED);
		HeraldUser after = this.accounts.loadUser(person.email()).orElseThrow();
		assertThat(this.sessionGuard.check(after)).isEqualTo(SessionGuard.Verdict.CONTINUE);
		assertThat(auditActions(person)).contains("account.sessions.ended");
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccount() {
		assertThatThrownBy(() -> this.administration.disable(this.admin, this.admin.employeeId()))
			.isInstanceOfSatisfying(AccountChangeRefused.class,
					(refused) -> assertThat(refused.code()).isEqualTo("users.refused.ownAccount"));
	}

	@Test
	void nonAdministratorsAreRefusedByTheServiceItself() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		HeraldUser employee = user(person.accountId(), person.employeeId(), person.email(), Set.of(Role.EMPLOYEE),
				Instant.now());
		signInAs(employee);

		assertThatThrownBy(() -> this.administration.grantRole(employee, person.employeeId(), Role.ADMIN))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.resetPassword(employee, person.employeeId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.disable(employee, person.employeeId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.endSessions(employee, person.employeeId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.details(person.employeeId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(roles(person)).containsExactly("EMPLOYEE");
	}

	private Set<String> roles(FinancePeople.Person person) {
		return Set.copyOf(this.jdbc.queryForList("select role from account_roles where account_id = ?", String.class,
				person.accountId()));
	}

	private Set<String> auditActions(FinancePeople.Person person) {
		return Set.copyOf(this.jdbc.queryForList(
				"select action from audit_entries where target_type = 'account' and target_id = ?", String.class,
				person.accountId()));
	}

	static HeraldUser user(long accountId, long employeeId, String email, Set<Role> roles, Instant authenticatedAt) {
		return new HeraldUser(accountId, employeeId, email, email, roles, ZoneOffset.UTC, Locale.ENGLISH, true, null,
				authenticatedAt);
	}

	static void signInAs(HeraldUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
