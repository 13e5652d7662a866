package io.herald.shared;

/**
 * A module refused a change another module asked for (say, deactivating the last
 * administrator); the whole transaction rolls back. {@link #code()} is a message code for
 * the person who tried.
 */
public class ChangeRefused extends RuntimeException {

	private final String code;

	public ChangeRefused(String code) {
		super("Change refused: " + code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
