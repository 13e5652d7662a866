package io.herald.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token's form and the rule for keeping it: a recognisable prefix on 256 random bits,
 * kept as an HMAC-SHA256 under the server key.
 */
class PersonalAccessTokenTests {

	private static final byte[] KEY = "a server key of at least thirty-two characters".getBytes(StandardCharsets.UTF_8);

	@Test
	void anIssuedTokenIsThePrefixAnd256RandomBitsInBase64Url() {
		String token = PersonalAccessToken.issue();

		assertThat(token).startsWith("hrld_").hasSize(48);
		assertThat(Base64.getUrlDecoder().decode(token.substring(5))).hasSize(32);
		assertThat(PersonalAccessToken.wellFormed(token)).isTrue();
		assertThat(PersonalAccessToken.issue()).isNotEqualTo(token);
	}

	@Test
	void anythingElseIsNotWellFormed() {
		String good = PersonalAccessToken.issue();
		String body = good.substring(5);

		assertThat(PersonalAccessToken.wellFormed(null)).isFalse();
		assertThat(PersonalAccessToken.wellFormed("")).isFalse();
		assertThat(PersonalAccessToken.wellFormed("hrld_")).isFalse();
		assertThat(PersonalAccessToken.wellFormed("ghp_" + body + "x")).isFalse();
		assertThat(PersonalAccessToken.wellFormed("HRLD_" + body)).isFalse();
		assertThat(PersonalAccessToken.wellFormed(good.substring(0, 47))).isFalse();
		assertThat(PersonalAccessToken.wellFormed(good + "A")).isFalse();
		assertThat(PersonalAccessToken.wellFormed("hrld_" + "+".repeat(43))).isFalse();
		assertThat(PersonalAccessToken.wellFormed("hrld_" + "/".repeat(43))).isFalse();
		assertThat(PersonalAccessToken.wellFormed("hrld_" + body.substring(0, 42) + "=")).isFalse();
		assertThat(PersonalAccessToken.wellFormed(" " + good.substring(1))).isFalse();
	}

	@Test
	void theStoredHashIsHmacSha256OfTheWholeTokenUnderTheKey() {
		// RFC 4231-style check against a known HMAC-SHA256 value.
		byte[] expected = HexFormat.of().parseHex("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");

		String hash = PersonalAccessToken.hash("The quick brown fox jumps over the lazy dog",
				"key".getBytes(StandardCharsets.US_ASCII));

		assertThat(Base64.getUrlDecoder().decode(hash)).isEqualTo(expected);
		assertThat(hash).hasSize(43).doesNotContain("=");
	}

	@Test
	void theHashDependsOnTheKeyAndTheTokenAndRevealsNeither() {
		String token = PersonalAccessToken.issue();
		String other = PersonalAccessToken.issue();
		byte[] otherKey = "another server key, also thirty-two characters".getBytes(StandardCharsets.UTF_8);

		String hash = PersonalAccessToken.hash(token, KEY);

		assertThat(PersonalAccessToken.hash(token, KEY)).isEqualTo(hash);
		assertThat(PersonalAccessToken.hash(token, otherKey)).isNotEqualTo(hash);
		assertThat(PersonalAccessToken.hash(other, KEY)).isNotEqualTo(hash);
		assertThat(hash).doesNotContain(token.substring(5, 20));
	}

}
