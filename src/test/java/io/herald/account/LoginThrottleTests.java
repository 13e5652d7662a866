package io.herald.account;

import java.time.Duration;
import java.time.Instant;

import io.herald.account.LoginThrottle.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private static final Instant NINE = Instant.parse("2026-03-29T09:00:00Z");

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

	@Test
	void coolsOffAfterFiveFailuresWithinTheWindow() {
		State state = failures(State.CLEAR, 4, NINE, Duration.ofMinutes(2));
		assertThat(this.throttle.isCoolingOff(state, NINE.plusSeconds(600))).isFalse();
		state = this.throttle.afterFailure(state, NINE.plusSeconds(600));
		assertThat(this.throttle.isCoolingOff(state, NINE.plusSeconds(601))).isTrue();
		assertThat(state.lockedUntil()).isEqualTo(NINE.plusSeconds(600).plus(Duration.ofMinutes(15)));
	}

	@Test
	void acceptsAttemptsAgainOnceTheCoolingOffPeriodIsOver() {
		State state = failures(State.CLEAR, 5, NINE, Duration.ofSeconds(10));
		Instant until = state.lockedUntil();
		assertThat(this.throttle.isCoolingOff(state, until.minusSeconds(1))).isTrue();
		assertThat(this.throttle.isCoolingOff(state, until)).isFalse();
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		State state = failures(State.CLEAR, 4, NINE, Duration.ofMinutes(1));
		// 16 minutes after the first failure, the first two (at 9:00 and 9:01) have aged
		// out.
		state = this.throttle.afterFailure(state, NINE.plus(Duration.ofMinutes(16)));
		assertThat(state.recentFailures()).hasSize(3);
		assertThat(state.lockedUntil()).isNull();
	}

	@Test
	void failuresCannotHideOnBothSidesOfAWindowBoundary() {
		// One failure, then a burst around the moment a fixed window would have
		// restarted.
		State state = this.throttle.afterFailure(State.CLEAR, NINE);
		state = failures(state, 4, NINE.plus(Duration.ofMinutes(14)).plusSeconds(57), Duration.ofSeconds(1));
		assertThat(state.lockedUntil()).isNull();
		state = failures(state, 1, NINE.plus(Duration.ofMinutes(15)).plusSeconds(2), Duration.ofSeconds(1));
		assertThat(this.throttle.isCoolingOff(state, NINE.plus(Duration.ofMinutes(15)).plusSeconds(3))).isTrue();
	}

	@Test
	void failuresDuringCoolingOffDoNotExtendIt() {
		State state = failures(State.CLEAR, 5, NINE, Duration.ofSeconds(1));
		Instant until = state.lockedUntil();
		state = failures(state, 10, NINE.plusSeconds(60), Duration.ofSeconds(1));
		assertThat(state.lockedUntil()).isEqualTo(until);
	}

	private State failures(State state, int count, Instant start, Duration spacing) {
		for (int i = 0; i < count; i++) {
			state = this.throttle.afterFailure(state, start.plus(spacing.multipliedBy(i)));
		}
		return state;
	}

}
