package io.herald.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.herald.announcement.Priority;
import io.herald.insight.InsightQueries.Counted;
import io.herald.insight.InsightQueries.Key;
import io.herald.insight.InsightQueries.Post;
import io.herald.insight.InsightRules.ChannelState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The rules of the dashboards with a fixed "now": the channel flags and why they say so,
 * the privacy threshold, the period before a period, changes, the acknowledgement rates
 * with what is not due yet told apart, and the median time to read.
 */
class InsightRulesTests {

	static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");

	static final InsightRules RULES = InsightRules.DEFAULTS;

	@Test
	void aChannelWithoutAPostForSixtyDaysIsDormantAndSaysForHowLong() {
		ChannelState quiet = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(61)), 0,
				figures(0, 0), figures(0, 0));
		List<ChannelFlag> flags = RULES.flags(quiet, 2, 70.0, NOW);
		assertThat(flags).extracting(ChannelFlag::kind).containsExactly(ChannelFlag.Kind.DORMANT);
		assertThat(flags.get(0).key()).isEqualTo("insight.flag.dormant.since");
		assertThat(flags.get(0).arguments()).containsExactly(61L, 60L);
		ChannelState recent = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(59)), 0,
				figures(0, 0), figures(0, 0));
		assertThat(RULES.flags(recent, 2, 70.0, NOW)).isEmpty();
	}

	@Test
	void aChannelThatNeverPostedIsDormantOnlyOnceItIsSixtyDaysOld() {
		ChannelState old = new ChannelState(NOW.minus(Duration.ofDays(90)), null, 0, figures(0, 0), figures(0, 0));
		assertThat(RULES.flags(old, 1, 70.0, NOW)).singleElement()
			.satisfies((flag) -> assertThat(flag.key()).isEqualTo("insight.flag.dormant.never"));
		ChannelState created = new ChannelState(NOW.minus(Duration.ofDays(10)), null, 0, figures(0, 0), figures(0, 0));
		assertThat(RULES.flags(created, 1, 70.0, NOW)).isEmpty();
	}

	@Test
	void manyMorePostsThanTheMedianWhileTheReadRateFallsIsOverUse() {
		ChannelState busy = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW, 9, figures(100, 60),
				figures(100, 80));
		List<ChannelFlag> flags = RULES.flags(busy, 3, 65.0, NOW);
		assertThat(flags).extracting(ChannelFlag::kind).containsExactly(ChannelFlag.Kind.OVER_USED);
		assertThat(flags.get(0).arguments()).containsExactly(9, 30L, "3", 80L, 60L);
		// As many posts, but readers keep up: not over-used.
		ChannelState steady = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW, 9, figures(100, 79),
				figures(100, 80));
		assertThat(RULES.flags(steady, 3, 65.0, NOW)).isEmpty();
		// Falling, but not far above the median.
		ChannelState normal = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW, 5, figures(100, 60),
				figures(100, 80));
		assertThat(RULES.flags(normal, 3, 65.0, NOW)).isEmpty();
	}

	@Test
	void aReadRateFifteenPointsBelowTheOrganisationsIsLowReach() {
		ChannelState low = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW, 2, figures(100, 55), figures(0, 0));
		assertThat(RULES.flags(low, 2, 70.0, NOW)).singleElement().satisfies((flag) -> {
			assertThat(flag.kind()).isEqualTo(ChannelFlag.Kind.LOW_REACH);
			assertThat(flag.arguments()).containsExactly(55L, 70L);
		});
		ChannelState fine = new ChannelState(NOW.minus(Duration.ofDays(400)), NOW, 2, figures(100, 56), figures(0, 0));
		assertThat(RULES.flags(fine, 2, 70.0, NOW)).isEmpty();
	}

	@Test
	void groupsWhereNoPostReachedFivePeopleShowNoRates() {
		Figures small = new Figures(3, 12, 9, 12, 6, 6, 2, 0, 4, false).hiddenBelow(5);
		assertThat(small.hidden()).isTrue();
		assertThat(small.readRate()).isNull();
		assertThat(small.ackRate()).isNull();
		Figures enough = new Figures(3, 15, 9, 15, 6, 6, 2, 0, 5, false).hiddenBelow(5);
		assertThat(enough.hidden()).isFalse();
		assertThat(enough.readRate()).isEqualTo(60.0);
		assertThat(new Figures(1, 15, 9, 15, 6, 6, 2, 0, 5, false).hiddenBelow(6).hidden()).isTrue();
	}

	@Test
	void thePeriodBeforeIsAsLongAndEndsTheDayBefore() {
		InsightFilter march = new InsightFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 30), 7L, null, null,
				null);
		InsightFilter before = march.previous();
		assertThat(before.from()).isEqualTo(LocalDate.of(2025, 1, 30));
		assertThat(before.to()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(before.days()).isEqualTo(30);
		assertThat(before.channelId()).isEqualTo(7L);
		assertThat(InsightFilter.lastDays(LocalDate.of(2025, 3, 10)).from()).isEqualTo(LocalDate.of(2025, 2, 9));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new InsightFilter(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1), null, null, null, null));
	}

	@Test
	void changesAreDifferencesInTheFiguresUnit() {
		assertThat(Change.of(72.5, 70.0).delta()).isEqualTo(2.5);
		assertThat(Change.of(72.5, 70.0).direction()).isEqualTo(1);
		assertThat(Change.of(3L, 5L).direction()).isEqualTo(-1);
		assertThat(Change.of(null, 5L).delta()).isNull();
		assertThat(Change.of(5L, 5L).direction()).isZero();
		assertThat(Change.of(60.0, 64.2).magnitude()).isCloseTo(4.2, within(1e-9));
		assertThat(Change.of(60.0, 64.2).way()).isEqualTo("down");
		assertThat(Change.of(64.2, 60.0).way()).isEqualTo("up");
		assertThat(Change.of(5L, 5L).way()).isEqualTo("same");
		assertThat(Change.of(null, 5L).magnitude()).isNull();
	}

	@Test
	void acknowledgementsStillInsideTheirWindowCountApartFromTheRates() {
		// Due tomorrow: 5 of 20 gave it already, 15 still have time.
		Post open = post(1, NOW.plus(Duration.ofDays(1)));
		// Due yesterday: 4 of 10 gave it, 3 of them on time.
		Post past = post(2, NOW.minus(Duration.ofDays(1)));
		Tally tally = new Tally();
		tally.add(new Counted(open, -1, -1, 20, 12, 5, 5), Map.of(), NOW);
		tally.add(new Counted(past, -1, -1, 10, 9, 4, 3), Map.of(), NOW);
		Figures figures = tally.figures(5);
		assertThat(figures.required()).isEqualTo(30);
		assertThat(figures.dueLater()).isEqualTo(15);
		assertThat(figures.due()).isEqualTo(15);
		assertThat(figures.overdue()).isEqualTo(6);
		// 9 acknowledged of the 15 given or due, not of the 30 asked.
		assertThat(figures.ackRate()).isEqualTo(60.0);
		assertThat(figures.onTimeRate()).isEqualTo(8 * 100.0 / 15);
	}

	@Test
	void nothingDueYetOrNothingAskedHasNoRateRatherThanZero() {
		Tally open = new Tally();
		open.add(new Counted(post(3, NOW.plus(Duration.ofHours(2))), -1, -1, 8, 0, 0, 0), Map.of(), NOW);
		assertThat(open.figures(5).dueLater()).isEqualTo(8);
		assertThat(open.figures(5).ackRate()).isNull();
		assertThat(open.figures(5).onTimeRate()).isNull();
		Tally info = new Tally();
		info.add(new Counted(new Post(4, "Menu", 1, Priority.INFO, NOW.minus(Duration.ofDays(2)), false, null), -1, -1,
				8, 3, 0, 0), Map.of(), NOW);
		assertThat(info.figures(5).ackRate()).isNull();
		assertThat(info.figures(5).readRate()).isEqualTo(37.5);
		// Asked without a due time: owed from the start, never "due later".
		Tally undated = new Tally();
		undated.add(new Counted(post(5, null), -1, -1, 8, 0, 2, 2), Map.of(), NOW);
		assertThat(undated.figures(5).dueLater()).isZero();
		assertThat(undated.figures(5).ackRate()).isEqualTo(25.0);
		assertThat(undated.figures(5).overdue()).isZero();
	}

	@Test
	void lateJoinersCountByTheirOwnDueTimes() {
		// The post's due time has passed, but 3 late joiners still owe it: 1 past their
		// own due time, 2 with time left.
		Post past = post(6, NOW.minus(Duration.ofDays(1)));
		Tally tally = new Tally();
		tally.add(new Counted(past, -1, -1, 13, 10, 6, 6), Map.of(new Key(6, -1, -1), new long[] { 3, 1, 2 }), NOW);
		Figures figures = tally.figures(5);
		assertThat(figures.overdue()).isEqualTo(4 + 1);
		assertThat(figures.dueLater()).isEqualTo(2);
		assertThat(figures.ackRate()).isEqualTo(6 * 100.0 / 11);
	}

	@Test
	void theMedianTimeToReadIsTheBucketOfTheMiddleRead() {
		long[] reads = new long[ReadTime.BUCKETS];
		assertThat(ReadTime.median(reads)).isNull();
		reads[0] = 2;
		reads[3] = 1;
		reads[9] = 2;
		// Five reads: the third is in the bucket "under an hour".
		assertThat(ReadTime.median(reads)).isEqualTo(new ReadTime(3));
		assertThat(ReadTime.median(reads).within()).isEqualTo(Duration.ofHours(1));
		reads[9] = 3;
		// Six reads: the lower middle one (the third) still.
		assertThat(ReadTime.median(reads).bucket()).isEqualTo(3);
		assertThat(ReadTime.bucketOf(Duration.ofMinutes(4))).isZero();
		assertThat(ReadTime.bucketOf(Duration.ofMinutes(5))).isEqualTo(1);
		assertThat(ReadTime.bucketOf(Duration.ofDays(45))).isEqualTo(15);
		assertThat(new ReadTime(15).orLonger()).isTrue();
		assertThat(new ReadTime(4).key()).isEqualTo("insight.readTime.hours");
		assertThat(new ReadTime(4).amount()).isEqualTo(2);
		assertThat(InsightRules.median(List.of(4, 1, 3))).isEqualTo(3);
		assertThat(InsightRules.median(List.of(4, 1, 3, 0))).isEqualTo(2);
	}

	private static Post post(long id, Instant dueAt) {
		return new Post(id, "Policy " + id, 1, Priority.IMPORTANT, NOW.minus(Duration.ofDays(3)), true, dueAt);
	}

	private static Figures figures(long recipients, long read) {
		return new Figures(1, recipients, read, 0, 0, 0, 0, 0, recipients, false);
	}

}
