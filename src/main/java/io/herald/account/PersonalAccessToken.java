package io.herald.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a personal access token looks like and how it is kept. The secret is 256 random
 * bits written {@code hrld_} and 43 base64url characters, so it is recognisable in a
 * configuration file or a leak scanner. Herald keeps only its HMAC-SHA256 under a server
 * key: fast to compute on every request (unlike a password hash, which need not be fast
 * because a password can be guessed and 256 random bits cannot), useless to whoever reads
 * the table without the key.
 */
final class PersonalAccessToken {

	static final String PREFIX = "hrld_";

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern FORM = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final SecureRandom RANDOM = new SecureRandom();

	private PersonalAccessToken() {
	}

	/**
	 * A new secret, to be shown to its owner once.
	 */
	static String issue() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return PREFIX + BASE64.encodeToString(secret);
	}

	/**
	 * Whether this could be a token at all: anything else is refused without a look at
	 * the database.
	 */
	static boolean wellFormed(String token) {
		return token != null && token.length() == PREFIX.length() + 43 && FORM.matcher(token).matches();
	}

	/**
	 * What is stored and looked up: the HMAC-SHA256 of the whole token, base64url.
	 */
	static String hash(String token, byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return BASE64.encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
