package io.herald.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.Priority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which recipients asked at publishing a sweep reads: those in the time zones where a
 * step comes due between the previous sweep and now.
 */
class ReachTests {

	static final Map<String, ZoneId> ZONES = Map.of("Europe/Warsaw", ZoneId.of("Europe/Warsaw"), "Asia/Taipei",
			ZoneId.of("Asia/Taipei"), "Europe/London", ZoneId.of("Europe/London"));

	// Due Thursday 15 January 2026 at 15:00 UTC: 16:00 in Warsaw, 15:00 in London,
	// 23:00 in Taipei.
	static final Instant DUE = Instant.parse("2026-01-15T15:00:00Z");

	static final SweepPost IMPORTANT = new SweepPost(1, 2, Priority.IMPORTANT, "Post", DUE.minus(Duration.ofDays(3)),
			DUE, 1, null);

	@Test
	void betweenStepsNobody() {
		Reach reach = Reach.of(IMPORTANT, DefaultSteps.IMPORTANT, ZONES, DUE.minus(Duration.ofHours(20)),
				DUE.minus(Duration.ofHours(19)));

		assertThat(reach).isEqualTo(Reach.NOBODY);
	}

	@Test
	void atDueThoseInZonesWhereItIsDaytime() {
		Reach reach = Reach.of(IMPORTANT, DefaultSteps.IMPORTANT, ZONES, DUE.minusSeconds(60), DUE);

		assertThat(reach.everyone()).isFalse();
		assertThat(reach.zones()).containsExactly("Europe/London", "Europe/Warsaw");
	}

	@Test
	void atEightInTaipeiThoseInTaipei() {
		Instant eight = Instant.parse("2026-01-16T00:00:00Z");

		assertThat(Reach.of(IMPORTANT, DefaultSteps.IMPORTANT, ZONES, eight.minusSeconds(60), eight).zones())
			.containsExactly("Asia/Taipei");
	}

	@Test
	void theFirstSweepOfAPostLooksAtEverythingSoFar() {
		assertThat(Reach.of(IMPORTANT, DefaultSteps.IMPORTANT, ZONES, null, DUE.minus(Duration.ofHours(23))).zones())
			.isEqualTo(Set.of("Europe/London", "Europe/Warsaw"));
	}

	@Test
	void aCriticalStepReachesEveryoneAtOnce() {
		Instant published = Instant.parse("2026-01-15T22:30:00Z");
		SweepPost critical = new SweepPost(1, 2, Priority.CRITICAL, "Post", published,
				published.plus(Duration.ofHours(2)), 1, null);
		Instant fifteen = published.plus(Duration.ofMinutes(15));

		assertThat(Reach.of(critical, DefaultSteps.CRITICAL, ZONES, fifteen.minusSeconds(60), fifteen).everyone())
			.isTrue();
		assertThat(Reach.of(critical, DefaultSteps.CRITICAL, ZONES, fifteen, fifteen.plusSeconds(60)))
			.isEqualTo(Reach.NOBODY);
	}

	@Test
	void aRevisionAskingAgainCountsFromWhenItAsked() {
		Instant askedAgain = DUE.plus(Duration.ofDays(2));
		Instant published = DUE.minus(Duration.ofDays(3));
		SweepPost critical = new SweepPost(1, 2, Priority.CRITICAL, "Post", published,
				askedAgain.plus(Duration.ofHours(2)), 2, askedAgain);
		Instant fifteen = askedAgain.plus(Duration.ofMinutes(15));

		assertThat(Reach.of(critical, DefaultSteps.CRITICAL, ZONES, fifteen.minusSeconds(60), fifteen).everyone())
			.isTrue();
	}

}
