package io.herald.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttling rule: after {@code maxFailures} failed attempts within
 * {@code window}, an account refuses sign-in for {@code coolingOff}, then accepts
 * attempts again. Nothing is locked for ever.
 */
@ConfigurationProperties("herald.login")
public record LoginThrottle(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration coolingOff) {

	/**
	 * The throttling state of one account.
	 */
	record State(int failures, Instant windowStart, Instant lockedUntil) {

		static final State CLEAR = new State(0, null, null);

	}

	State afterFailure(State state, Instant now) {
		if (isCoolingOff(state, now)) {
			return state;
		}
		boolean windowOpen = state.windowStart() != null && now.isBefore(state.windowStart().plus(this.window));
		int failures = windowOpen ? state.failures() + 1 : 1;
		Instant windowStart = windowOpen ? state.windowStart() : now;
		if (failures >= this.maxFailures) {
			return new State(0, null, now.plus(this.coolingOff));
		}
		return new State(failures, windowStart, null);
	}

	boolean isCoolingOff(State state, Instant now) {
		return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
	}

}
