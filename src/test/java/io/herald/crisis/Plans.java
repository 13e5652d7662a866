package io.herald.crisis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Valid plan drafts built on the demo people, to change one thing at a time.
 */
final class Plans {

	static final String COMMS = "comms@herald.test";

	static final String HR = "hr@herald.test";

	private Plans() {
	}

	static PlanDraft draft(String title) {
		return draft(title, List.of("Sound the alarm", "Count people at the assembly point"));
	}

	static PlanDraft draft(String title, List<String> steps) {
		List<PlanDraft.StepDraft> rows = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			rows.add(new PlanDraft.StepDraft(i, steps.get(i), TeamRole.LEAD));
		}
		return new PlanDraft(title, Scenario.FIRE_EVACUATION, Severity.CRITICAL, COMMS,
				List.of(new PlanDraft.MemberDraft(0, TeamRole.LEAD, COMMS, HR)), rows,
				List.of(new PlanDraft.TemplateDraft(0, TemplateKind.INITIAL_ALERT, "Fire at {location}",
						"Leave now. Alarm at {time}."),
						new PlanDraft.TemplateDraft(1, TemplateKind.UPDATE, "Update", "Stay at the assembly point."),
						new PlanDraft.TemplateDraft(2, TemplateKind.ALL_CLEAR, "All clear", "Go back in.")),
				List.of(Medium.IN_APP, Medium.EMAIL), true, Set.of(), Set.of(), 180, null);
	}

	static PlanDraft withLead(PlanDraft draft, String leadEmail, String deputyEmail) {
		return new PlanDraft(draft.title(), draft.scenario(), draft.severity(), draft.ownerEmail(),
				List.of(new PlanDraft.MemberDraft(0, TeamRole.LEAD, leadEmail, deputyEmail)), draft.steps(),
				draft.templates(), draft.media(), draft.everyone(), draft.locationIds(), draft.departmentIds(),
				draft.reviewIntervalDays(), draft.lastReviewedOn());
	}

	static PlanDraft reviewed(PlanDraft draft, LocalDate on, int intervalDays) {
		return new PlanDraft(draft.title(), draft.scenario(), draft.severity(), draft.ownerEmail(), draft.team(),
				draft.steps(), draft.templates(), draft.media(), draft.everyone(), draft.locationIds(),
				draft.departmentIds(), intervalDays, on);
	}

	static PlanDraft withAlertBody(PlanDraft draft, String body) {
		List<PlanDraft.TemplateDraft> templates = new ArrayList<>(draft.templates());
		templates.set(0, new PlanDraft.TemplateDraft(0, TemplateKind.INITIAL_ALERT, "Fire at {location}", body));
		return new PlanDraft(draft.title(), draft.scenario(), draft.severity(), draft.ownerEmail(), draft.team(),
				draft.steps(), templates, draft.media(), draft.everyone(), draft.locationIds(), draft.departmentIds(),
				draft.reviewIntervalDays(), draft.lastReviewedOn());
	}

}
