package io.herald.crisis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a one-click check-in link: one person, one incident, valid until a time,
 * with a random id that makes it usable once. Written
 * {@code incident.employee.expiry.id.signature}, the signature an HMAC-SHA256 of the rest
 * under a key only Herald knows, so changing any part (another person, another incident,
 * a later expiry) breaks it.
 */
record CheckInToken(long incidentId, long employeeId, Instant expiresAt, String id) {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern FORM = Pattern
		.compile("\\d{1,19}\\.\\d{1,19}\\.\\d{1,19}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A new token with a fresh random id.
	 */
	static CheckInToken issue(long incidentId, long employeeId, Instant expiresAt) {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return new CheckInToken(incidentId, employeeId, expiresAt, BASE64.encodeToString(id));
	}

	/**
	 * The token as it goes into a link.
	 */
	String sign(byte[] key) {
		String payload = payload();
		return payload + "." + signature(payload, key);
	}

	/**
	 * What a token says, when its signature is right; whether it has expired is the
	 * caller's to check, so it can say so.
	 */
	static Optional<CheckInToken> verify(String token, byte[] key) {
		if (token == null || token.length() > 200 || !FORM.matcher(token).matches()) {
			return Optional.empty();
		}
		int last = token.lastIndexOf('.');
		String payload = token.substring(0, last);
		byte[] expected = signature(payload, key).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		String[] parts = payload.split("\\.");
		try {
			return Optional.of(new CheckInToken(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
					Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]));
		}
		catch (RuntimeException ex) {
			// Digits beyond a long, or an instant out of range: never signed by us.
			return Optional.empty();
		}
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	private String payload() {
		return this.incidentId + "." + this.employeeId + "." + this.expiresAt.getEpochSecond() + "." + this.id;
	}

	private static String signature(String payload, byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
