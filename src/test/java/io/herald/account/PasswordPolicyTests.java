package io.herald.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPassphraseWithSpacesAndNonLatinLetters() {
		assertThat(this.policy.violations("correct horse battery staple, zażółć gęślą jaźń 天氣很好",
				"anna.nowak@herald.test"))
			.isEmpty();
	}

	@Test
	void acceptsPassphrasesFarBeyondBcryptsSeventyTwoBytes() {
		assertThat(this.policy.violations("a very long passphrase ".repeat(10), null)).isEmpty();
	}

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(this.policy.violations("Tr0ub4dor&3", null)).containsExactly("password.tooShort");
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(this.policy.violations("天氣很好天氣很好天氣很好", null)).doesNotContain("password.tooShort");
	}

	@Test
	void refusesCommonAndRepetitivePasswords() {
		assertThat(this.policy.violations("Password1234", null)).containsExactly("password.tooCommon");
		assertThat(this.policy.violations("aaaaaaaaaaaaaaaa", null)).containsExactly("password.tooCommon");
	}

	@Test
	void refusesThePersonsOwnEmail() {
		assertThat(this.policy.violations("anna.nowak-is-me-2026", "Anna.Nowak@herald.test"))
			.containsExactly("password.containsEmail");
	}

	@Test
	void refusesMissingAndAbsurdlyLongPasswords() {
		assertThat(this.policy.violations(null, null)).containsExactly("password.required");
		assertThat(this.policy.violations("x1y2z3".repeat(50), null)).contains("password.tooLong");
	}

}
