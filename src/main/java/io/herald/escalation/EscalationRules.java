package io.herald.escalation;

import java.time.Clock;
import java.time.Instant;
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
 */
final class EscalationRules {

	private final Clock clock;

	EscalationRules(Clock clock) {
		this.clock = clock;
	}

	List<StepDue> dueSteps(Priority priority, List<PolicyStep> steps, Pending pending) {
		if (!pending.active() || pending.acknowledged()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<StepDue> due = new ArrayList<>();
		for (PolicyStep step : steps) {
			Instant at = time(step, pending);
			if (pending.done().contains(step.code()) || at == null || at.isAfter(now)) {
				continue;
			}
			if (at.isBefore(pending.askedAt())) {
				due.add(new StepDue(step, Outcome.SKIPPED));
			}
			else if (!release(priority, at, pending).isAfter(now)) {
				due.add(new StepDue(step, Outcome.SENT));
			}
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

	static Instant release(Priority priority, Instant at, Pending pending) {
		return (priority == Priority.CRITICAL) ? at : QuietHours.release(at, pending.zone());
	}

}
