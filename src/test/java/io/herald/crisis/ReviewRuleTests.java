package io.herald.crisis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan is stale from the day after its review falls due, judged on the clock's own day
 * in the clock's zone.
 */
class ReviewRuleTests {

	private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void aPlanDueTodayIsNotStaleYetButIsTheDayAfter() {
		LocalDate reviewed = LocalDate.parse("2026-01-01");
		ReviewRule onDueDay = new ReviewRule(Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), UTC));
		ReviewRule dayAfter = new ReviewRule(Clock.fixed(Instant.parse("2026-07-02T00:00:00Z"), UTC));

		assertThat(ReviewRule.due(reviewed, 181)).isEqualTo(LocalDate.parse("2026-07-01"));
		assertThat(onDueDay.isStale(reviewed, 181)).isFalse();
		assertThat(dayAfter.isStale(reviewed, 181)).isTrue();
	}

	@Test
	void theDayIsTheClocksDayInItsZone() {
		// 23:30 UTC on the due day is already the next day in Warsaw (CEST, +02:00).
		Instant lateEvening = Instant.parse("2026-07-01T23:30:00Z");
		LocalDate reviewed = LocalDate.parse("2026-06-01");

		assertThat(new ReviewRule(Clock.fixed(lateEvening, UTC)).isStale(reviewed, 30)).isFalse();
		assertThat(new ReviewRule(Clock.fixed(lateEvening, WARSAW)).isStale(reviewed, 30)).isTrue();
	}

	@Test
	void theDueDateCountsCalendarDaysAcrossTheClockChange() {
		// 29 March 2026: Warsaw moves to summer time; days still count as days.
		LocalDate reviewed = LocalDate.parse("2026-03-28");
		ReviewRule justBefore = new ReviewRule(Clock.fixed(Instant.parse("2026-03-29T21:59:00Z"), WARSAW));
		ReviewRule justAfter = new ReviewRule(Clock.fixed(Instant.parse("2026-03-29T22:00:00Z"), WARSAW));

		assertThat(justBefore.isStale(reviewed, 1)).isFalse();
		assertThat(justAfter.isStale(reviewed, 1)).isTrue();
	}

	@Test
	void aFreshlyReviewedPlanIsNotStale() {
		ReviewRule rule = new ReviewRule(Clock.fixed(Instant.parse("2026-05-10T08:00:00Z"), WARSAW));

		PlanFlags flags = rule.flags(LocalDate.parse("2026-05-10"), 180, java.util.List.of());

		assertThat(flags.stale()).isFalse();
		assertThat(flags.reviewDue()).isEqualTo(LocalDate.parse("2026-11-06"));
		assertThat(flags.brokenChain()).isFalse();
	}

}
