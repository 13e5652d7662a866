package io.herald.crisis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in link tokens: what one signs comes back verified, and changing any part of it
 * (person, incident, expiry, id, signature), or another key, makes it worthless.
 */
class CheckInTokenTests {

	private static final byte[] KEY = "a key of thirty-two characters!!".getBytes(StandardCharsets.UTF_8);

	private static final Instant EXPIRY = Instant.parse("2026-12-05T08:00:00Z");

	@Test
	void aSignedTokenVerifiesAsWhatWasSigned() {
		CheckInToken token = CheckInToken.issue(12, 345, EXPIRY);
		String signed = token.sign(KEY);

		assertThat(signed).matches("12\\.345\\.\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
		assertThat(CheckInToken.verify(signed, KEY)).contains(token);
	}

	@Test
	void everyTokenHasItsOwnIdSoEachWorksOnce() {
		assertThat(CheckInToken.issue(12, 345, EXPIRY).id()).isNotEqualTo(CheckInToken.issue(12, 345, EXPIRY).id());
	}

	@Test
	void anotherPersonAnotherIncidentOrALaterExpiryBreaksTheSignature() {
		String signed = CheckInToken.issue(12, 345, EXPIRY).sign(KEY);
		String[] parts = signed.split("\\.");

		assertThat(CheckInToken.verify(join("12", "346", parts[2], parts[3], parts[4]), KEY)).isEmpty();
		assertThat(CheckInToken.verify(join("13", "345", parts[2], parts[3], parts[4]), KEY)).isEmpty();
		assertThat(CheckInToken
			.verify(join("12", "345", Long.toString(Long.parseLong(parts[2]) + 86400), parts[3], parts[4]), KEY))
			.isEmpty();
		assertThat(CheckInToken.verify(join("12", "345", parts[2], "AAAAAAAAAAAAAAAAAAAAAA", parts[4]), KEY)).isEmpty();
		char last = parts[4].charAt(42);
		assertThat(CheckInToken.verify(
				join("12", "345", parts[2], parts[3], parts[4].substring(0, 42) + ((last == 'A') ? 'B' : 'A')), KEY))
			.isEmpty();
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() {
		String signed = CheckInToken.issue(12, 345, EXPIRY)
			.sign("another key, thirty-two chars!!!".getBytes(StandardCharsets.UTF_8));

		assertThat(CheckInToken.verify(signed, KEY)).isEmpty();
	}

	@Test
	void garbageIsRefusedWithoutAnError() {
		assertThat(CheckInToken.verify(null, KEY)).isEmpty();
		assertThat(CheckInToken.verify("", KEY)).isEmpty();
		assertThat(CheckInToken.verify("12.345", KEY)).isEmpty();
		assertThat(CheckInToken.verify("x".repeat(5000), KEY)).isEmpty();
		assertThat(CheckInToken.verify("99999999999999999999.1.1.AAAAAAAAAAAAAAAAAAAAAA." + "A".repeat(43), KEY))
			.isEmpty();
		assertThat(CheckInToken.verify("<script>.1.1.AAAAAAAAAAAAAAAAAAAAAA." + "A".repeat(43), KEY)).isEmpty();
	}

	@Test
	void aTokenExpiresAtItsExpiryToTheSecond() {
		CheckInToken token = CheckInToken.verify(CheckInToken.issue(12, 345, EXPIRY).sign(KEY), KEY).orElseThrow();

		assertThat(token.expiredAt(EXPIRY.minusSeconds(1))).isFalse();
		assertThat(token.expiredAt(EXPIRY)).isTrue();
		assertThat(token.expiredAt(EXPIRY.plusSeconds(3600))).isTrue();
	}

	private static String join(String... parts) {
		return String.join(".", parts);
	}

}
