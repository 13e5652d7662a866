package io.herald.crisis;

/**
 * A person named in a plan or procedure, as pages show them: enough to link to their
 * profile and to judge whether they can be reached.
 */
public record Person(long id, String displayName, String email, String phone, String mobile, boolean active) {

	public boolean reachable() {
		return present(this.email) || present(this.phone) || present(this.mobile);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
