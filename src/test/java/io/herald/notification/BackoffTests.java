package io.herald.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Retries wait 30 s, 1 min, 2 min … doubling up to a cap, and stop after the maximum
 * number of failures.
 */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);

	@Test
	void theWaitDoublesAfterEachFailureFromTheFirstDelay() {
		assertThat(this.backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
	}

	@Test
	void theWaitNeverExceedsTheCapHoweverManyFailures() {
		assertThat(this.backoff.delayAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(this.backoff.delayAfter(31)).isEqualTo(Duration.ofHours(1));
		assertThat(this.backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void zeroFailuresWaitsTheFirstDelay() {
		assertThat(this.backoff.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void givesUpAfterTheMaximumNumberOfFailures() {
		assertThat(this.backoff.givesUpAfter(7)).isFalse();
		assertThat(this.backoff.givesUpAfter(8)).isTrue();
		assertThat(this.backoff.givesUpAfter(9)).isTrue();
	}

	@Test
	void theDefaultsGiveUpAfterAboutAnHour() {
		Duration total = Duration.ZERO;
		for (int failures = 1; !this.backoff.givesUpAfter(failures); failures++) {
			total = total.plus(this.backoff.delayAfter(failures));
		}
		assertThat(total).isEqualTo(Duration.ofSeconds(30 + 60 + 120 + 240 + 480 + 960 + 1920));
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 8));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), 8));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0));
	}

}
