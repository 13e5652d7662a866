package io.herald.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far failed sign-ins are allowed to go, after OWASP's authentication guidance: no
 * account is ever locked (anyone could lock anyone out by typing their address), failures
 * slow down where they come from instead.
 *
 * @param perAccountAndAddress failures for one typed e-mail address from one client
 * address: the owner signing in from elsewhere is not affected
 * @param perAddress failures from one client address across all accounts, against
 * password spraying (one guess at each of many accounts)
 * @param sweepInterval how often buckets that have filled up again are deleted
 */
@ConfigurationProperties("herald.login")
public record LoginThrottle(@DefaultValue Limit perAccountAndAddress, @DefaultValue Limit perAddress,
		@DefaultValue("10m") Duration sweepInterval) {

	/**
	 * At most {@code maxFailures} at once, then one more every {@code window /
	 * maxFailures}: after a burst, an attacker gets {@code maxFailures} guesses per
	 * window.
	 */
	public record Limit(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {

		public Limit {
			if (maxFailures < 1 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("A sign-in limit needs at least one failure in a positive window");
			}
		}

		/**
		 * The wait between two guesses once the burst is spent.
		 */
		public Duration interval() {
			return this.window.dividedBy(this.maxFailures);
		}

	}

}
