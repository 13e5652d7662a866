package io.herald.shared;

import java.util.Locale;

/**
 * E-mail addresses are compared and stored in one canonical form.
 */
public final class Emails {

	private Emails() {
	}

	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

}
