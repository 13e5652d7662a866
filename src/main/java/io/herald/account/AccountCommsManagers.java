package io.herald.account;

import java.util.Set;

import io.herald.announcement.CommsManagers;
import io.herald.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Tells the announcement desk who the communications managers are, so a post sent for
 * review reaches them.
 */
@Component
class AccountCommsManagers implements CommsManagers {

	private final AccountService accounts;

	AccountCommsManagers(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public Set<Long> employeeIds() {
		return this.accounts.employeesHolding(Role.COMMS_MANAGER);
	}

}
