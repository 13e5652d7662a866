package io.herald.directory;

import org.springframework.modulith.NamedInterface;

/**
 * The ways to reach a person in an emergency, and whether they still work here.
 */
@NamedInterface("api")
public record Reachability(long id, String displayName, String email, String phone, String mobile, boolean active) {

	/**
	 * Whether there is any way at all: an e-mail address, a phone or a mobile.
	 */
	public boolean reachable() {
		return present(this.email) || present(this.phone) || present(this.mobile);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
