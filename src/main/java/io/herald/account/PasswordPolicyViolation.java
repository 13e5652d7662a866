package io.herald.account;

import java.util.List;

/**
 * A new password was refused; {@link #codes()} are message codes saying why.
 */
public class PasswordPolicyViolation extends RuntimeException {

	private final List<String> codes;

	PasswordPolicyViolation(List<String> codes) {
		super("Password refused: " + codes);
		this.codes = List.copyOf(codes);
	}

	public List<String> codes() {
		return this.codes;
	}

}
