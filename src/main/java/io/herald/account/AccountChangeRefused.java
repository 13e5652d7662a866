package io.herald.account;

/**
 * An administrator's change would break a rule (such as leaving no administrator);
 * {@link #code()} is the message code saying which.
 */
public class AccountChangeRefused extends RuntimeException {

	private final String code;

	AccountChangeRefused(String code) {
		super("Account change refused: " + code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
