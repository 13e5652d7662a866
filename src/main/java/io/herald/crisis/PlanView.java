package io.herald.crisis;

import java.time.LocalDate;
import java.util.List;

import io.herald.directory.DirectoryOption;

/**
 * A plan's current revision as its page shows it. {@code version} is the one to send back
 * with an edit.
 */
public record PlanView(long id, int revision, long version, String title, Scenario scenario, Severity severity,
		Person owner, List<TeamMember> team, List<ChecklistStep> steps, List<MessageTemplate> templates,
		List<Medium> media, boolean everyone, List<DirectoryOption> locations, List<DirectoryOption> departments,
		int reviewIntervalDays, LocalDate lastReviewedOn, PlanFlags flags) {

	public MessageTemplate template(TemplateKind kind) {
		return this.templates.stream().filter((t) -> t.kind() == kind).findFirst().orElse(null);
	}

}
