package io.herald.crisis;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A plan as entered: people by e-mail, rows by their position in the form so problems can
 * name the field. {@code lastReviewedOn} counts only for a new plan (null: today).
 */
public record PlanDraft(String title, Scenario scenario, Severity severity, String ownerEmail, List<MemberDraft> team,
		List<StepDraft> steps, List<TemplateDraft> templates, List<Medium> media, boolean everyone,
		Set<Long> locationIds, Set<Long> departmentIds, Integer reviewIntervalDays, LocalDate lastReviewedOn) {

	/**
	 * A role and the e-mail addresses of its holder and deputy (blank for none).
	 */
	public record MemberDraft(int row, TeamRole role, String personEmail, String deputyEmail) {

	}

	public record StepDraft(int row, String description, TeamRole role) {

	}

	public record TemplateDraft(int row, TemplateKind kind, String title, String body) {

	}

}
