package io.herald.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;

import io.herald.audit.AuditLog;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.EmployeesLeft;
import io.herald.directory.EmployeesReturned;
import io.herald.shared.ChangeRefused;
import io.herald.shared.Role;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps accounts in step with the directory: everyone active can sign in, nobody who left
 * can. Runs inside the directory's transaction (a plain listener, not after commit), so
 * an import that rolls back leaves no accounts behind. Set-based SQL, because one import
 * may bring tens of thousands of people; every statement is idempotent, so a repeated
 * event changes nothing.
 */
@Component
class AccountProvisioning {

	private static final Logger log = LoggerFactory.getLogger(AccountProvisioning.class);

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Invitations invitations;

	private final AuditLog audit;

	private final Clock clock;

	AccountProvisioning(JdbcClient jdbc, EntityManager entityManager, Invitations invitations, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.invitations = invitations;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void onJoined(EmployeesJoined event) {
		provision(event.employeeIds());
	}

	@EventListener
	void onLeft(EmployeesLeft event) {
		flushDirectoryChanges();
		int disabled = 0;
		if (!event.employeeIds().isEmpty()) {
			disabled = this.jdbc.sql("""
					update user_accounts set enabled = false, sessions_revoked_at = :now, version = version + 1
					where employee_id = any(:ids)""")
				.param("ids", event.employeeIds().toArray(Long[]::new))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		// Deactivating people, by hand or by a full-sync import, must not lock every
		// administrator out: refuse, and the directory's change rolls back with it.
		int admins = this.jdbc.sql("""
				select count(*) from user_accounts a join account_roles r on r.account_id = a.id
				join employees e on e.id = a.employee_id
				where r.role = :admin and a.enabled and e.active""")
			.param("admin", Role.ADMIN.name())
			.query(Integer.class)
			.single();
		if (admins == 0) {
			throw new ChangeRefused("account.refused.lastAdminLeaving");
		}
		if (disabled > 0) {
			this.audit.record("account.disabled.left", "account", null,
					disabled + " accounts disabled and their sessions ended: employees " + event.employeeIds());
		}
	}

	@EventListener
	void onReturned(EmployeesReturned event) {
		flushDirectoryChanges();
		int enabled = 0;
		if (!event.employeeIds().isEmpty()) {
			enabled = this.jdbc.sql("""
					update user_accounts set enabled = true, version = version + 1
					where employee_id = any(:ids) and not enabled""")
				.param("ids", event.employeeIds().toArray(Long[]::new))
				.update();
		}
		if (enabled > 0) {
			this.audit.record("account.enabled.returned", "account", null,
					enabled + " accounts enabled again: employees " + event.employeeIds());
		}
		// Those who never set a password get a fresh link; those without an account get
		// one.
		provision(event.employeeIds());
	}

	int provision(Collection<Long> employeeIds) {
		flushDirectoryChanges();
		int created = 0;
		if (!employeeIds.isEmpty()) {
			Long[] ids = employeeIds.toArray(Long[]::new);
			created = this.jdbc.sql("""
					insert into user_accounts (employee_id, password_hash, enabled, must_change_password, created_at)
					select e.id, null, true, false, :now from employees e
					where e.id = any(:ids) and e.active
					  and not exists (select 1 from user_accounts a where a.employee_id = e.id)""")
				.param("ids", ids)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			this.jdbc.sql("""
					insert into account_roles (account_id, role)
					select a.id, :employee from user_accounts a
					where a.employee_id = any(:ids)
					  and not exists (select 1 from account_roles r where r.account_id = a.id)""")
				.param("employee", Role.EMPLOYEE.name())
				.param("ids", ids)
				.update();
		}
		int invited = this.invitations.issueFor(employeeIds);
		if (created > 0 || invited > 0) {
			log.info("{} accounts created and {} invitations issued for people who joined", created, invited);
			this.audit.record("account.created", "account", null,
					created + " accounts created, " + invited + " invitations issued: employees " + employeeIds);
		}
		return invited;
	}

	// The directory may still hold its changes in the persistence context; the SQL here
	// must see them.
	private void flushDirectoryChanges() {
		if (this.entityManager.isJoinedToTransaction()) {
			this.entityManager.flush();
		}
	}

}
