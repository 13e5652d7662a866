package io.herald.journeys;

import io.herald.shared.Role;

/**
 * The demo accounts the login page offers, with what a journey expects of them. Everyone
 * in the demo organisation signs in with {@link #PASSWORD}.
 */
enum DemoAccount {

	EMPLOYEE("employee@herald.test", "Łukasz Zieliński", Role.EMPLOYEE),

	COMMS_MANAGER("comms@herald.test", "Olivia Bennett", Role.COMMS_MANAGER),

	HR("hr@herald.test", "Magdalena Kowalczyk", Role.HR),

	ADMIN("admin@herald.test", "Tomasz Wiśniewski", Role.ADMIN);

	static final String PASSWORD = "herald-demo";

	private final String email;

	private final String displayName;

	private final Role role;

	DemoAccount(String email, String displayName, Role role) {
		this.email = email;
		this.displayName = displayName;
		this.role = role;
	}

	String email() {
		return this.email;
	}

	String displayName() {
		return this.displayName;
	}

	/**
	 * The role the account exists to show; every account is an employee as well.
	 */
	Role role() {
		return this.role;
	}

	static boolean isDemoAccount(String email) {
		for (DemoAccount account : values()) {
			if (account.email.equals(email)) {
				return true;
			}
		}
		return false;
	}

}
