package io.herald.account;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import java.util.UUID;

import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.EmployeesLeft;
import io.herald.directory.EmployeesReturned;
import io.herald.directory.NewEmployee;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts follow the directory's events, and invitations work once and not for ever.
 * Every test adds its own person.
 */
@SpringBootTest
class AccountProvisioningTests implements PostgresIntegrationTest {

	private static final String GOOD_PASSWORD = "correct horse battery staple";

	@Autowired
	EmployeeDirectory directory;

	@Autowired
	InvitationService invitations;

	@Autowired
	Invitations invitationLinks;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPersonWhoJoinsGetsAnEmployeeAccountWithoutPasswordAndAnInvitation() {
		long employeeId = join();

		assertThat(this.jdbc.queryForObject("select password_hash from user_accounts where employee_id = ?",
				String.class, employeeId))
			.isNull();
		assertThat(this.jdbc.queryForList(
				"select r.role from account_roles r join user_accounts a on a.id = r.account_id where a.employee_id = ?",
				String.class, employeeId))
			.containsExactly("EMPLOYEE");
		String token = tokenOf(employeeId);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		InvitationView view = this.invitations.lookup(token);
		assertThat(view.status()).isEqualTo(InvitationStatus.VALID);
		assertThat(view.email()).startsWith("joiner-");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'account.created' and details like ?", Long.class,
				"%" + employeeId + "%"))
			.isPositive();
	}

	@Test
	void joiningTwiceChangesNothing() {
		long employeeId = join();
		String token = tokenOf(employeeId);

		publish(new EmployeesJoined(List.of(employeeId)));

		assertThat(this.jdbc.queryForObject("select count(*) from user_accounts where employee_id = ?", Long.class,
				employeeId))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from account_invitations i join user_accounts a on a.id = i.account_id where a.employee_id = ?",
				Long.class, employeeId))
			.isEqualTo(1);
		assertThat(tokenOf(employeeId)).isEqualTo(token);
	}

	@Test
	void anInvitationSetsThePasswordOnceAndOnlyOnce() {
		long employeeId = join();
		String token = tokenOf(employeeId);

		assertThatThrownBy(() -> this.invitations.accept(token, "short")).isInstanceOf(PasswordPolicyViolation.class);
		assertThat(this.invitations.lookup(token).status()).isEqualTo(InvitationStatus.VALID);

		this.invitations.accept(token, GOOD_PASSWORD);

		assertThat(this.jdbc.queryForObject("select password_hash from user_accounts where employee_id = ?",
				String.class, employeeId))
			.isNotNull();
		assertThat(this.invitations.lookup(token).status()).isEqualTo(InvitationStatus.USED);
		assertThatThrownBy(() -> this.invitations.accept(token, GOOD_PASSWORD + "!")).isInstanceOfSatisfying(
				InvitationUnusable.class, (unusable) -> assertThat(unusable.status()).isEqualTo(InvitationStatus.USED));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries a join user_accounts u on u.id = a.target_id "
						+ "where a.action = 'account.invitation.accepted' and u.employee_id = ?",
				Long.class, employeeId))
			.isEqualTo(1);
	}

	@Test
	void anExpiredInvitationNoLongerWorks() {
		long employeeId = join();
		String token = tokenOf(employeeId);
		this.jdbc.update("update account_invitations set expires_at = created_at - interval '1 minute' where token = ?",
				token);

		assertThat(this.invitations.lookup(token).status()).isEqualTo(InvitationStatus.EXPIRED);
		assertThatThrownBy(() -> this.invitations.accept(token, GOOD_PASSWORD)).isInstanceOfSatisfying(
				InvitationUnusable.class,
				(unusable) -> assertThat(unusable.status()).isEqualTo(InvitationStatus.EXPIRED));
	}

	@Test
	void anUnknownTokenIsUnknown() {
		assertThat(this.invitations.lookup("no-such-token").status()).isEqualTo(InvitationStatus.UNKNOWN);
		assertThat(this.invitations.lookup("x".repeat(500)).status()).isEqualTo(InvitationStatus.UNKNOWN);
	}

	@Test
	void leavingDisablesTheAccountAndEndsSessionsAndReturningEnablesItWithAFreshInvitation() {
		long employeeId = join();
		String firstToken = tokenOf(employeeId);
		// Expired meanwhile, so the return must issue a fresh link.
		this.jdbc.update("update account_invitations set expires_at = created_at - interval '1 minute' where token = ?",
				firstToken);

		publish(new EmployeesLeft(List.of(employeeId)));

		assertThat(this.jdbc.queryForObject("select enabled from user_accounts where employee_id = ?", Boolean.class,
				employeeId))
			.isFalse();
		assertThat(this.jdbc.queryForObject(
				"select sessions_revoked_at is not null from user_accounts where employee_id = ?", Boolean.class,
				employeeId))
			.isTrue();

		publish(new EmployeesReturned(List.of(employeeId)));

		assertThat(this.jdbc.queryForObject("select enabled from user_accounts where employee_id = ?", Boolean.class,
				employeeId))
			.isTrue();
		String freshToken = tokenOf(employeeId);
		assertThat(freshToken).isNotEqualTo(firstToken);
		assertThat(this.invitations.lookup(freshToken).status()).isEqualTo(InvitationStatus.VALID);
	}

	@Test
	void aLeaversInvitationIsWithdrawn() {
		long employeeId = join();
		String token = tokenOf(employeeId);

		publish(new EmployeesLeft(List.of(employeeId)));

		assertThat(this.invitations.lookup(token).status()).isEqualTo(InvitationStatus.WITHDRAWN);
	}

	@Test
	void aJoinThatRollsBackLeavesNoAccount() {
		String email = "rolled-back-" + UUID.randomUUID() + "@herald.test";
		this.transactions.executeWithoutResult((status) -> {
			long id = this.directory.addEmployee(newEmployee(email, chief()));
			this.events.publishEvent(new EmployeesJoined(List.of(id)));
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject(
				"select count(*) from user_accounts a join employees e on e.id = a.employee_id where e.email = ?",
				Long.class, email))
			.isZero();
	}

	@Test
	void moreIdsThanAStatementTakesParametersGoAsOneArray() {
		// PostgreSQL takes at most 32,767 bind parameters per statement.
		long employeeId = join();
		long accountId = this.jdbc.queryForObject("select id from user_accounts where employee_id = ?", Long.class,
				employeeId);
		List<Long> many = LongStream.rangeClosed(-40_000, -1).boxed().toList();

		assertThat(this.invitationLinks.issueFor(many)).isZero();
		assertThat(this.invitationLinks
			.openFor(LongStream.concat(LongStream.rangeClosed(-40_000, -1), LongStream.of(accountId)).boxed().toList()))
			.containsOnlyKeys(accountId);
	}

	private long join() {
		return this.transactions.execute((status) -> {
			long id = this.directory.addEmployee(newEmployee("joiner-" + UUID.randomUUID() + "@herald.test", chief()));
			this.events.publishEvent(new EmployeesJoined(List.of(id)));
			return id;
		});
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	// The newest invitation of the person.
	private String tokenOf(long employeeId) {
		return this.jdbc.queryForObject("""
				select i.token from account_invitations i join user_accounts a on a.id = i.account_id
				where a.employee_id = ? order by i.id desc limit 1""", String.class, employeeId);
	}

	// Other tests check that everyone reports up to the one person at the top: joiners
	// report to them too.
	private long chief() {
		return this.jdbc.queryForObject("select min(id) from employees where manager_id is null", Long.class);
	}

	static NewEmployee newEmployee(String email, long managerId) {
		return new NewEmployee(email, null, "Jo", "Iner", null, null, null, null, managerId, null, null, ZoneOffset.UTC,
				"en", null, null);
	}

}
