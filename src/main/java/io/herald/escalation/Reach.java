package io.herald.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a post's recipients a sweep must read besides the late joiners: those asked at
 * publishing (or by the revision asking again) share the step times of the post, so
 * whether a step comes due for them between the previous sweep and now depends only on
 * their time zone. Everyone, when a step of a CRITICAL post comes (no quiet hours);
 * nobody, between steps, which is most of the time.
 */
record Reach(boolean everyone, Set<String> zones) {

	static final Reach NOBODY = new Reach(false, Set.of());

	static Reach of(SweepPost post, List<PolicyStep> steps, Map<String, ZoneId> zones, Instant sweptUntil,
			Instant now) {
		Set<String> reached = new TreeSet<>();
		for (PolicyStep step : steps) {
			Instant anchor = (step.anchor() == StepAnchor.PUBLISHED) ? post.askedFrom() : post.ackDueAt();
			if (anchor == null) {
				continue;
			}
			Instant at = anchor.plusSeconds(60L * step.offsetMinutes());
			if (post.critical()) {
				if (within(at, sweptUntil, now)) {
					return new Reach(true, Set.of());
				}
				continue;
			}
			zones.forEach((name, zone) -> {
				if (within(QuietHours.release(at, zone), sweptUntil, now)) {
					reached.add(name);
				}
			});
		}
		return reached.isEmpty() ? NOBODY : new Reach(false, reached);
	}

	private static boolean within(Instant release, Instant sweptUntil, Instant now) {
		return !release.isAfter(now) && (sweptUntil == null || release.isAfter(sweptUntil));
	}

}
