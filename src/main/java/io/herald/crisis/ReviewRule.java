package io.herald.crisis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * When a plan is due for review and whether it is overdue ("stale"). The day is the
 * clock's day in the clock's zone: a plan due today is not stale until tomorrow.
 */
public final class ReviewRule {

	private final Clock clock;

	public ReviewRule(Clock clock) {
		this.clock = clock;
	}

	public static LocalDate due(LocalDate lastReviewedOn, int intervalDays) {
		return lastReviewedOn.plusDays(intervalDays);
	}

	public boolean isStale(LocalDate lastReviewedOn, int intervalDays) {
		return LocalDate.now(this.clock).isAfter(due(lastReviewedOn, intervalDays));
	}

	public PlanFlags flags(LocalDate lastReviewedOn, int intervalDays, List<ChainProblem> chain) {
		return new PlanFlags(due(lastReviewedOn, intervalDays), isStale(lastReviewedOn, intervalDays),
				List.copyOf(chain));
	}

}
