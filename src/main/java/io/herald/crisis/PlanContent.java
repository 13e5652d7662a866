package io.herald.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * What one revision of a plan says, people by id: equal contents mean nothing changed,
 * and comparing parts tells what did.
 */
record PlanContent(String title, Scenario scenario, Severity severity, long ownerId, List<Seat> team,
		List<ChecklistStep> steps, List<MessageTemplate> templates, List<Medium> media, boolean everyone,
		SortedSet<Long> locationIds, SortedSet<Long> departmentIds, int reviewIntervalDays) {

	record Seat(TeamRole role, long memberId, Long deputyId) {

	}

	/**
	 * The parts that differ from an earlier revision, as message-key suffixes.
	 */
	List<String> changesSince(PlanContent before) {
		List<String> changes = new ArrayList<>();
		if (before == null) {
			return List.of("created");
		}
		add(changes, "title", this.title, before.title);
		add(changes, "scenario", this.scenario, before.scenario);
		add(changes, "severity", this.severity, before.severity);
		add(changes, "owner", this.ownerId, before.ownerId);
		add(changes, "team", this.team, before.team);
		add(changes, "checklist", this.steps, before.steps);
		add(changes, "templates", this.templates, before.templates);
		add(changes, "media", this.media, before.media);
		add(changes, "scope", List.of(this.everyone, this.locationIds, this.departmentIds),
				List.of(before.everyone, before.locationIds, before.departmentIds));
		add(changes, "reviewInterval", this.reviewIntervalDays, before.reviewIntervalDays);
		return changes;
	}

	private static void add(List<String> changes, String part, Object now, Object before) {
		if (!Objects.equals(now, before)) {
			changes.add(part);
		}
	}

}
