package io.herald.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.herald.audit.AuditTarget;
import io.herald.audit.AuditTargets;
import io.herald.directory.EmployeeDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names accounts in the audit log after their person, linked to the account's page for
 * administrators (the only ones who read the log).
 */
@Component
class AccountAuditTargets implements AuditTargets {

	private final UserAccountRepository accounts;

	private final EmployeeDirectory directory;

	AccountAuditTargets(UserAccountRepository accounts, EmployeeDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@Override
	public String targetType() {
		return "account";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, AuditTarget> describe(Collection<Long> ids) {
		Map<Long, Long> employees = new HashMap<>();
		this.accounts.findAllById(ids).forEach((account) -> employees.put(account.getId(), account.getEmployeeId()));
		Map<Long, String> names = this.directory.displayNames(employees.values());
		Map<Long, AuditTarget> targets = new HashMap<>();
		employees.forEach((accountId, employeeId) -> {
			String name = names.get(employeeId);
			if (name != null) {
				targets.put(accountId, new AuditTarget(name, "/admin/users/" + employeeId));
			}
		});
		return targets;
	}

}
