package io.herald.directory;

import java.lang.Character.UnicodeScript;

/**
 * How a person's name is shown: the name they prefer, else the order their culture writes
 * it in.
 */
final class PersonName {

	private PersonName() {
	}

	static String display(String firstName, String lastName, String preferredName) {
		if (preferredName != null && !preferredName.isBlank()) {
			return preferredName.strip();
		}
		// Chinese, Japanese and Korean names are written family name first, without a
		// space.
		if (isHan(lastName) && isHan(firstName)) {
			return lastName + firstName;
		}
		return (firstName + " " + lastName).strip();
	}

	private static boolean isHan(String text) {
		return text != null && !text.isEmpty()
				&& text.codePoints().allMatch((cp) -> Character.UnicodeScript.of(cp) == UnicodeScript.HAN);
	}

}
