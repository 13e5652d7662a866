package io.herald.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: long enough to resist guessing, not one everybody uses,
 * not the person's own e-mail. Long passphrases and pasted passwords are welcome; there
 * are no composition rules (NIST SP 800-63B).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 256;

	private final Set<String> commonPasswords;

	PasswordPolicy() {
		this.commonPasswords = loadCommonPasswords();
	}

	/**
	 * Returns the message codes of every rule the password breaks; empty when it is
	 * acceptable.
	 */
	List<String> violations(String password, String email) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.isBlank()) {
			violations.add("password.required");
			return violations;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			violations.add("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			violations.add("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.commonPasswords.contains(lower) || password.codePoints().distinct().count() < 4) {
			violations.add("password.tooCommon");
		}
		if (email != null) {
			String localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
			if (localPart.length() >= 4 && lower.contains(localPart)) {
				violations.add("password.containsEmail");
			}
		}
		return violations;
	}

	private static Set<String> loadCommonPasswords() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
