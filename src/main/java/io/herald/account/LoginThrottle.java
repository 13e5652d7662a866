package io.herald.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttling rule: when an account has {@code maxFailures} failed attempts
 * within any {@code window} (a sliding window, so failures cannot hide on both sides of a
 * boundary), it refuses sign-in for {@code coolingOff}, then accepts attempts again.
 * Nothing is locked for ever, and a success in between does not wipe the record: an
 * attacker gets no fresh guesses each time the real owner (or their API client) signs in.
 */
@ConfigurationProperties("herald.login")
public record LoginThrottle(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration coolingOff) {

	/**
	 * The throttling state of one account.
	 *
	 * @param recentFailures failures within the window, oldest first
	 */
	record State(List<Instant> recentFailures, Instant lockedUntil) {

		static final State CLEAR = new State(List.of(), null);

	}

	State afterFailure(State state, Instant now) {
		if (isCoolingOff(state, now)) {
			return state;
		}
		List<Instant> recent = new ArrayList<>(recentAt(state, now));
		recent.add(now);
		if (recent.size() >= this.maxFailures) {
			return new State(List.of(), now.plus(this.coolingOff));
		}
		return new State(List.copyOf(recent), null);
	}

	boolean isCoolingOff(State state, Instant now) {
		return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
	}

	/**
	 * The failures that still count at this instant.
	 */
	List<Instant> recentAt(State state, Instant now) {
		Instant windowStart = now.minus(this.window);
		return state.recentFailures().stream().filter((failure) -> failure.isAfter(windowStart)).toList();
	}

}
