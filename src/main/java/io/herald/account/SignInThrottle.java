package io.herald.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sign-in throttle, for the login form, HTTP Basic and the current-password check
 * alike. Each attempt takes a token from two Bucket4j buckets before the password is
 * looked at: one for the typed e-mail address from this client address, one for the
 * client address across all accounts. A correct password gives both back, so only
 * failures use them up; an empty bucket refuses the attempt until it refills. Taking
 * before checking means concurrent guesses cannot slip past the count.
 * <p>
 * The typed address is hashed (it may be a password typed into the wrong field, and
 * unknown and known addresses must look the same), and nothing is stored per account, so
 * the same answer comes whether an account exists or not.
 */
@Component
public class SignInThrottle {

	private final ProxyManager<String> buckets;

	private final SignInBuckets store;

	private final BucketConfiguration perAccountAndAddress;

	private final BucketConfiguration perAddress;

	SignInThrottle(DataSource dataSource, LoginThrottle limits, Clock clock) {
		this.store = new SignInBuckets(dataSource,
				ClientSideConfig.getDefault()
					.withClientClock(new ClockTime(clock))
					.withExpirationAfterWriteStrategy(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
		this.buckets = this.store;
		this.perAccountAndAddress = configuration(limits.perAccountAndAddress());
		this.perAddress = configuration(limits.perAddress());
	}

	/**
	 * Takes one attempt for this typed e-mail address from this client address.
	 * @return empty to go ahead and check the password; else how long to wait
	 */
	public Optional<Duration> tryAttempt(String typedEmail, String clientAddress) {
		Bucket pair = pair(typedEmail, clientAddress);
		ConsumptionProbe forPair = pair.tryConsumeAndReturnRemaining(1);
		if (!forPair.isConsumed()) {
			return Optional.of(wait(forPair));
		}
		ConsumptionProbe forAddress = address(clientAddress).tryConsumeAndReturnRemaining(1);
		if (!forAddress.isConsumed()) {
			pair.addTokens(1);
			return Optional.of(wait(forAddress));
		}
		return Optional.empty();
	}

	/**
	 * The password was right: the attempt does not count.
	 */
	public void succeeded(String typedEmail, String clientAddress) {
		pair(typedEmail, clientAddress).addTokens(1);
		address(clientAddress).addTokens(1);
	}

	/**
	 * Deletes buckets that have been full again for a while; they are recreated full.
	 */
	@Scheduled(fixedDelayString = "${herald.login.sweep-interval:10m}",
			initialDelayString = "${herald.login.sweep-interval:10m}")
	void sweep() {
		while (this.store.removeExpired(1000) == 1000) {
			// another batch
		}
	}

	private Bucket pair(String typedEmail, String clientAddress) {
		return this.buckets.builder()
			.build("pair:" + sha256(normalised(typedEmail)) + "@" + clamped(clientAddress),
					() -> this.perAccountAndAddress);
	}

	private Bucket address(String clientAddress) {
		return this.buckets.builder().build("address:" + clamped(clientAddress), () -> this.perAddress);
	}

	private static Duration wait(ConsumptionProbe probe) {
		Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
		return (wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait;
	}

	private static BucketConfiguration configuration(LoginThrottle.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.maxFailures())
				.refillGreedy(limit.maxFailures(), limit.window())
				.build())
			.build();
	}

	// E-mail addresses are looked up without regard to case, so they are counted so too.
	static String normalised(String typedEmail) {
		return (typedEmail != null) ? typedEmail.strip().toLowerCase(Locale.ROOT) : "";
	}

	// An IPv6 address with a zone fits; anything longer is not an address.
	private static String clamped(String clientAddress) {
		String address = (clientAddress != null) ? clientAddress : "unknown";
		return (address.length() > 80) ? address.substring(0, 80) : address;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * Bucket4j's time from the application's clock, so rules can be tested at fixed
	 * instants.
	 */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
