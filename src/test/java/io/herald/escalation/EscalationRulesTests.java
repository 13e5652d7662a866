package io.herald.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.herald.announcement.Priority;
import org.junit.jupiter.api.Test;

import static io.herald.escalation.DefaultSteps.CRITICAL;
import static io.herald.escalation.DefaultSteps.CRITICAL_CRISIS_TEAM;
import static io.herald.escalation.DefaultSteps.CRITICAL_MANAGER;
import static io.herald.escalation.DefaultSteps.CRITICAL_REMIND_15;
import static io.herald.escalation.DefaultSteps.CRITICAL_REMIND_30;
import static io.herald.escalation.DefaultSteps.IMPORTANT;
import static io.herald.escalation.DefaultSteps.IMPORTANT_MANAGER;
import static io.herald.escalation.DefaultSteps.IMPORTANT_OWNER_OR_HR;
import static io.herald.escalation.DefaultSteps.IMPORTANT_REMIND_AT_DUE;
import static io.herald.escalation.DefaultSteps.IMPORTANT_REMIND_BEFORE_DUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which steps fall due for one person, with fixed clocks: every default step of each
 * priority at its time and not before, quiet hours in the person's own zone (except for
 * CRITICAL posts), nothing for people who acknowledged or left, each step once, and the
 * steps again for a revision that asks again.
 */
class EscalationRulesTests {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	// Monday 12 January 2026, 10:00 in Warsaw: daytime everywhere the tests look.
	static final Instant PUBLISHED = Instant.parse("2026-01-12T09:00:00Z");

	static final Instant IMPORTANT_DUE = PUBLISHED.plus(Duration.ofDays(3));

	static final Instant CRITICAL_DUE = PUBLISHED.plus(Duration.ofHours(2));

	@Test
	void importantRemindsTwentyFourHoursBeforeDueAndNotEarlier() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW);
		Instant at = IMPORTANT_DUE.minus(Duration.ofHours(24));

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at.minusSeconds(1))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at))
			.containsExactly(IMPORTANT_REMIND_BEFORE_DUE.code());
	}

	@Test
	void importantRemindsAtDue() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, IMPORTANT_DUE.minusSeconds(1))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, IMPORTANT_DUE))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void importantEscalatesToTheManagerADayAfterDue() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code(),
				IMPORTANT_REMIND_AT_DUE.code());
		Instant at = IMPORTANT_DUE.plus(Duration.ofHours(24));

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at.minusSeconds(1))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at)).containsExactly(IMPORTANT_MANAGER.code());
	}

	@Test
	void importantEscalatesToTheChannelOwnersOrHrThreeDaysAfterDue() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code(),
				IMPORTANT_REMIND_AT_DUE.code(), IMPORTANT_MANAGER.code());
		Instant at = IMPORTANT_DUE.plus(Duration.ofHours(72));

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at.minusSeconds(1))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, at)).containsExactly(IMPORTANT_OWNER_OR_HR.code());
	}

	@Test
	void criticalRemindsAfterFifteenAndThirtyMinutesEscalatesAtAnHourAndToTheCrisisTeamAtDue() {
		Pending fresh = pending(PUBLISHED, CRITICAL_DUE, WARSAW);

		assertThat(codes(Priority.CRITICAL, CRITICAL, fresh, PUBLISHED.plus(Duration.ofMinutes(14)))).isEmpty();
		assertThat(codes(Priority.CRITICAL, CRITICAL, fresh, PUBLISHED.plus(Duration.ofMinutes(15))))
			.containsExactly(CRITICAL_REMIND_15.code());
		assertThat(codes(Priority.CRITICAL, CRITICAL, with(fresh, CRITICAL_REMIND_15),
				PUBLISHED.plus(Duration.ofMinutes(30))))
			.containsExactly(CRITICAL_REMIND_30.code());
		assertThat(codes(Priority.CRITICAL, CRITICAL, with(fresh, CRITICAL_REMIND_15, CRITICAL_REMIND_30),
				PUBLISHED.plus(Duration.ofMinutes(60))))
			.containsExactly(CRITICAL_MANAGER.code());
		assertThat(codes(Priority.CRITICAL, CRITICAL,
				with(fresh, CRITICAL_REMIND_15, CRITICAL_REMIND_30, CRITICAL_MANAGER), CRITICAL_DUE))
			.containsExactly(CRITICAL_CRISIS_TEAM.code());
	}

	@Test
	void infoHasNoSteps() {
		Pending pending = pending(PUBLISHED, PUBLISHED.plus(Duration.ofDays(7)), WARSAW);

		assertThat(codes(Priority.INFO, List.of(), pending, PUBLISHED.plus(Duration.ofDays(30)))).isEmpty();
	}

	@Test
	void everyStepThatHasComeIsDueTogetherAfterDowntime() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW);

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, IMPORTANT_DUE.plus(Duration.ofDays(4))))
			.containsExactly(IMPORTANT_REMIND_BEFORE_DUE.code(), IMPORTANT_REMIND_AT_DUE.code(),
					IMPORTANT_MANAGER.code(), IMPORTANT_OWNER_OR_HR.code());
	}

	@Test
	void aSweepLooksOnlyAtStepsThatCameSinceThePreviousOne() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW);
		Instant now = IMPORTANT_DUE.plus(Duration.ofHours(30));

		// The person was inactive at the last sweep, a minute after due: the
		// reminders' time passed then and they are not sent late.
		assertThat(new EscalationRules(Clock.fixed(now, ZoneOffset.UTC))
			.dueSteps(Priority.IMPORTANT, IMPORTANT, pending, IMPORTANT_DUE.plusSeconds(60))
			.stream()
			.map((due) -> due.step().code())).containsExactly(IMPORTANT_MANAGER.code());
		// After two days of downtime everything since the last sweep comes.
		assertThat(new EscalationRules(Clock.fixed(now, ZoneOffset.UTC))
			.dueSteps(Priority.IMPORTANT, IMPORTANT, pending, IMPORTANT_DUE.minus(Duration.ofDays(2)))
			.stream()
			.map((due) -> due.step().code())).containsExactly(IMPORTANT_REMIND_BEFORE_DUE.code(),
					IMPORTANT_REMIND_AT_DUE.code(), IMPORTANT_MANAGER.code());
	}

	@Test
	void aStepWaitingOutQuietHoursComesInTheSweepAfterEightNotBefore() {
		// Due at 21:00 in Warsaw; the previous sweep ran at 07:59, this one at 08:00.
		Instant due = Instant.parse("2026-01-15T20:00:00Z");
		Pending pending = pending(PUBLISHED, due, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code());

		assertThat(new EscalationRules(Clock.fixed(Instant.parse("2026-01-16T07:00:00Z"), ZoneOffset.UTC))
			.dueSteps(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-01-16T06:59:00Z")))
			.extracting((step) -> step.step().code())
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void stepsNeverRepeat() {
		Pending pending = pending(PUBLISHED, IMPORTANT_DUE, WARSAW);
		Instant later = IMPORTANT_DUE.plus(Duration.ofDays(10));
		Set<String> done = new HashSet<>();
		for (int sweep = 0; sweep < 3; sweep++) {
			List<String> due = codes(Priority.IMPORTANT, IMPORTANT,
					new Pending(pending.announcementId(), pending.employeeId(), true, false, pending.askedAt(),
							pending.dueAt(), pending.zone(), Set.copyOf(done)),
					later);
			for (String code : due) {
				assertThat(done.add(code)).as("%s again in sweep %d", code, sweep).isTrue();
			}
		}
		assertThat(done).hasSize(IMPORTANT.size());
	}

	@Test
	void nothingForSomeoneWhoAcknowledged() {
		Pending acknowledged = new Pending(1, 2, true, true, PUBLISHED, IMPORTANT_DUE, WARSAW, Set.of());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, acknowledged, IMPORTANT_DUE.plus(Duration.ofDays(5))))
			.isEmpty();
	}

	@Test
	void nothingForSomeoneNoLongerActive() {
		Pending left = new Pending(1, 2, false, false, PUBLISHED, IMPORTANT_DUE, WARSAW, Set.of());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, left, IMPORTANT_DUE.plus(Duration.ofDays(5)))).isEmpty();
	}

	@Test
	void aReminderWhoseTimeFellBeforeThePersonWasAskedIsSkippedNotSent() {
		// Due two hours after publishing: "24 hours before due" was before the post.
		Instant due = PUBLISHED.plus(Duration.ofHours(2));
		Pending pending = pending(PUBLISHED, due, WARSAW);

		List<StepDue> steps = dueSteps(Priority.IMPORTANT, IMPORTANT, pending, PUBLISHED.plusSeconds(60));

		assertThat(steps).containsExactly(new StepDue(IMPORTANT_REMIND_BEFORE_DUE, Outcome.SKIPPED));
	}

	@Test
	void aRevisionThatAsksAgainStartsTheStepsAgainFromWhenItAsked() {
		// The first revision's steps are recorded under revision 1; revision 2 asks
		// a week later with a new deadline, and its record of steps starts empty.
		Instant askedAgain = PUBLISHED.plus(Duration.ofDays(7));
		Instant newDue = askedAgain.plus(Duration.ofDays(3));
		Pending reAsked = pending(askedAgain, newDue, WARSAW);

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, reAsked, askedAgain.plus(Duration.ofHours(1)))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, reAsked, newDue.minus(Duration.ofHours(24))))
			.containsExactly(IMPORTANT_REMIND_BEFORE_DUE.code());
		Pending criticalReAsked = pending(askedAgain, askedAgain.plus(Duration.ofHours(2)), WARSAW);
		assertThat(codes(Priority.CRITICAL, CRITICAL, criticalReAsked, askedAgain.plus(Duration.ofMinutes(15))))
			.containsExactly(CRITICAL_REMIND_15.code());
	}

	@Test
	void aLateJoinerCountsFromTheirOwnDeliveryAndDeadline() {
		Instant joined = PUBLISHED.plus(Duration.ofDays(2));
		Instant ownDue = joined.plus(Duration.ofDays(3));
		Pending lateJoiner = pending(joined, ownDue, WARSAW);

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, lateJoiner, IMPORTANT_DUE.plus(Duration.ofHours(6)))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, lateJoiner, ownDue))
			.containsExactly(IMPORTANT_REMIND_BEFORE_DUE.code(), IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void anImportantStepFallingInWarsawQuietHoursWaitsUntilEight() {
		// Due at 21:00 in Warsaw.
		Instant due = Instant.parse("2026-01-15T20:00:00Z");
		Pending pending = pending(PUBLISHED, due, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-01-16T06:59:00Z"))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-01-16T07:00:00Z")))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void quietHoursAreTheRecipientsOwnTaipeiNotWarsaw() {
		// 15:00 UTC: 16:00 in Warsaw, 23:00 in Taipei.
		Instant due = Instant.parse("2026-01-15T15:00:00Z");

		assertThat(codes(Priority.IMPORTANT, IMPORTANT,
				pending(PUBLISHED, due, WARSAW, IMPORTANT_REMIND_BEFORE_DUE.code()), due))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
		Pending inTaipei = pending(PUBLISHED, due, TAIPEI, IMPORTANT_REMIND_BEFORE_DUE.code());
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, inTaipei, due)).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, inTaipei, Instant.parse("2026-01-16T00:00:00Z")))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void inLondonOnTheNightSummerTimeBeginsAStepWaitsUntilEightBritishSummerTime() {
		// Due at 22:00 GMT on Saturday 28 March 2026; 08:00 BST next day is 07:00 UTC.
		Instant due = Instant.parse("2026-03-28T22:00:00Z");
		Instant published = due.minus(Duration.ofDays(3));
		Pending pending = pending(published, due, LONDON, IMPORTANT_REMIND_BEFORE_DUE.code());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-03-29T06:59:00Z"))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-03-29T07:00:00Z")))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void inLondonOnTheNightSummerTimeEndsAStepWaitsUntilEightGreenwichTime() {
		// Due at 23:00 BST on Saturday 24 October 2026; 08:00 GMT next day.
		Instant due = Instant.parse("2026-10-24T22:00:00Z");
		Pending pending = pending(due.minus(Duration.ofDays(3)), due, LONDON, IMPORTANT_REMIND_BEFORE_DUE.code());

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-10-25T07:59:00Z"))).isEmpty();
		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, Instant.parse("2026-10-25T08:00:00Z")))
			.containsExactly(IMPORTANT_REMIND_AT_DUE.code());
	}

	@Test
	void criticalStepsIgnoreQuietHours() {
		// Published at 23:30 in Warsaw.
		Instant published = Instant.parse("2026-01-15T22:30:00Z");
		Pending pending = pending(published, published.plus(Duration.ofHours(2)), WARSAW);

		assertThat(codes(Priority.CRITICAL, CRITICAL, pending, published.plus(Duration.ofMinutes(15))))
			.containsExactly(CRITICAL_REMIND_15.code());
	}

	@Test
	void stepsCountedFromADueTimeThePostDoesNotHaveNeverComeDue() {
		Pending pending = pending(PUBLISHED, null, WARSAW);

		assertThat(codes(Priority.IMPORTANT, IMPORTANT, pending, PUBLISHED.plus(Duration.ofDays(60)))).isEmpty();
	}

	private static List<String> codes(Priority priority, List<PolicyStep> steps, Pending pending, Instant now) {
		return dueSteps(priority, steps, pending, now).stream()
			.filter((due) -> due.outcome() == Outcome.SENT)
			.map((due) -> due.step().code())
			.toList();
	}

	private static List<StepDue> dueSteps(Priority priority, List<PolicyStep> steps, Pending pending, Instant now) {
		return new EscalationRules(Clock.fixed(now, ZoneOffset.UTC)).dueSteps(priority, steps, pending);
	}

	private static Pending pending(Instant askedAt, Instant dueAt, ZoneId zone, String... done) {
		return new Pending(1, 2, true, false, askedAt, dueAt, zone, Set.of(done));
	}

	private static Pending with(Pending pending, PolicyStep... done) {
		Set<String> codes = new HashSet<>(pending.done());
		for (PolicyStep step : done) {
			codes.add(step.code());
		}
		return new Pending(pending.announcementId(), pending.employeeId(), pending.active(), pending.acknowledged(),
				pending.askedAt(), pending.dueAt(), pending.zone(), codes);
	}

}
