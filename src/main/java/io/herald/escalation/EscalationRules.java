package io.herald.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.herald.announcement.Priority;

/**
 * Which steps of a policy fall due for one person now. Never any for someone who
 * acknowledged the current revision or is no longer active; each step once (the
 * {@code done} codes); a step counts from when the person was asked, so a late joiner and
 * a re-asked revision start afresh; a step whose time fell before the person was asked is
 * skipped, not sent late. Steps of non-critical posts wait out the quiet hours of the
 * person's own time zone; CRITICAL ones go at once.
 * <p>
 * A step comes due once, when its time passes: a sweep considers the steps whose time
 * came after the previous complete sweep of the post ({@code sweptUntil}; null for the
 * first) and up to now. After downtime that is everything since; a step whose time passed
 * while the person was inactive, or before a policy change added it, is not sent late.
 */
final class EscalationRules {

	private final Clock clock;

	EscalationRules(Clock clock) {
		this.clock = clock;
	}

	List<StepDue> dueSteps(Priority priority, List<PolicyStep> steps, Pending pending) {
		return dueSteps(priority, steps, pending, null);
	}

	List<StepDue> dueSteps(Priority priority, List<PolicyStep> steps, Pending pending, Instant sweptUntil) {
		if (!pending.active() || pending.acknowledged()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<StepDue> due = new ArrayList<>();
		for (PolicyStep step : steps) {
			Instant at = time(step, pending);
			if (pending.done().contains(step.code()) || at == null) {
				continue;
			}
			Instant release = release(priority, at, pending.zone());
			if (release.isAfter(now) || (sweptUntil != null && !release.isAfter(sweptUntil))) {
				continue;
			}
			due.add(new StepDue(step, at.isBefore(pending.askedAt()) ? Outcome.SKIPPED : Outcome.SENT));
		}
		return due;
	}

	/**
	 * When a step falls due for a person before quiet hours, or null when it never does
	 * (counted from a due time the post does not have).
	 */
	static Instant time(PolicyStep step, Pending pending) {
		Instant anchor = (step.anchor() == StepAnchor.PUBLISHED) ? pending.askedAt() : pending.dueAt();
		return (anchor != null) ? anchor.plusSeconds(60L * step.offsetMinutes()) : null;
	}

	/**
	 * When a step timed {@code at} may go out in a zone.
	 */
	static Instant release(Priority priority, Instant at, ZoneId zone) {
		return (priority == Priority.CRITICAL) ? at : QuietHours.release(at, zone);
	}

}
