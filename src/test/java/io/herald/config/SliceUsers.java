package io.herald.config;

import io.herald.shared.Role;
import io.herald.account.SliceAccounts;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Who a slice test's request comes from: an account as a session holds it, with no
 * database behind it ({@link WebSlice} lets every session go on).
 */
public final class SliceUsers {

	private SliceUsers() {
	}

	public static RequestPostProcessor employee() {
		return as(1, Role.EMPLOYEE);
	}

	public static RequestPostProcessor commsManager() {
		return as(2, Role.EMPLOYEE, Role.COMMS_MANAGER);
	}

	public static RequestPostProcessor hr() {
		return as(3, Role.EMPLOYEE, Role.HR);
	}

	public static RequestPostProcessor admin() {
		return as(4, Role.EMPLOYEE, Role.ADMIN);
	}

	/**
	 * Person {@code employeeId} with these roles.
	 */
	public static RequestPostProcessor as(long employeeId, Role... roles) {
		return authentication(SliceAccounts.signedIn(employeeId, "Person " + employeeId, roles));
	}

}
