package io.herald.escalation;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours are 20:00 to 08:00 on the person's own wall clock, on ordinary days and on
 * the days the clocks change.
 */
class QuietHoursTests {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void anEveningStepInWarsawWaitsUntilEightNextMorning() {
		// 21:30 in Warsaw (CET, +01:00).
		Instant due = Instant.parse("2026-01-14T20:30:00Z");

		assertThat(QuietHours.release(due, WARSAW)).isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
	}

	@Test
	void aStepAtEightOrDuringTheDayGoesAtOnce() {
		Instant eight = Instant.parse("2026-01-15T07:00:00Z");
		Instant noon = Instant.parse("2026-01-15T11:00:00Z");

		assertThat(QuietHours.release(eight, WARSAW)).isEqualTo(eight);
		assertThat(QuietHours.release(noon, WARSAW)).isEqualTo(noon);
	}

	@Test
	void twentyOClockIsAlreadyQuiet() {
		Instant twenty = Instant.parse("2026-01-15T19:00:00Z");

		assertThat(QuietHours.release(twenty, WARSAW)).isEqualTo(Instant.parse("2026-01-16T07:00:00Z"));
	}

	@Test
	void aSmallHoursStepInTaipeiWaitsUntilEightTheSameDay() {
		// 03:00 in Taipei (+08:00, no summer time) is 19:00 UTC the day before.
		Instant due = Instant.parse("2026-07-01T19:00:00Z");

		assertThat(QuietHours.release(due, TAIPEI)).isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
	}

	@Test
	void theSameInstantIsQuietInOneZoneAndNotInAnother() {
		// 15:00 in London, 23:00 in Taipei.
		Instant due = Instant.parse("2026-01-15T15:00:00Z");

		assertThat(QuietHours.release(due, LONDON)).isEqualTo(due);
		assertThat(QuietHours.release(due, TAIPEI)).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
	}

	@Test
	void inLondonTheNightTheClocksGoForwardEndsAtEightSummerTime() {
		// 21:00 GMT on 28 March 2026; at 01:00 UTC the clocks jump to 02:00 BST.
		Instant due = Instant.parse("2026-03-28T21:00:00Z");

		assertThat(QuietHours.release(due, LONDON)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
	}

	@Test
	void inLondonTheNightTheClocksGoBackEndsAtEightWinterTime() {
		// 20:30 BST on 24 October 2026; at 01:00 UTC the clocks go back to 01:00 GMT.
		Instant due = Instant.parse("2026-10-24T19:30:00Z");

		assertThat(QuietHours.release(due, LONDON)).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
	}

	@Test
	void inWarsawAStepOnTheMorningOfTheChangeWaitsForEightSummerTime() {
		// 07:30 CEST on 29 March 2026, the first morning of summer time.
		Instant due = Instant.parse("2026-03-29T05:30:00Z");

		assertThat(QuietHours.release(due, WARSAW)).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
	}

	@Test
	void quietSinceIsTheLastTwentyOClockDuringQuietHoursAndNullOtherwise() {
		assertThat(QuietHours.quietSince(Instant.parse("2026-01-15T02:00:00Z"), WARSAW))
			.isEqualTo(Instant.parse("2026-01-14T19:00:00Z"));
		assertThat(QuietHours.quietSince(Instant.parse("2026-01-15T21:00:00Z"), WARSAW))
			.isEqualTo(Instant.parse("2026-01-15T19:00:00Z"));
		assertThat(QuietHours.quietSince(Instant.parse("2026-01-15T12:00:00Z"), WARSAW)).isNull();
		// The night summer time begins in London: 20:00 GMT the evening before.
		assertThat(QuietHours.quietSince(Instant.parse("2026-03-29T03:00:00Z"), LONDON))
			.isEqualTo(Instant.parse("2026-03-28T20:00:00Z"));
	}

}
