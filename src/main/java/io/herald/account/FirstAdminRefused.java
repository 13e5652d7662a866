package io.herald.account;

/**
 * Herald cannot start without an administrator, and the one configured is missing or
 * unsafe.
 */
public class FirstAdminRefused extends RuntimeException {

	private final String action;

	FirstAdminRefused(String problem, String action) {
		super(problem);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
