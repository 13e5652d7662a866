package io.herald.crisis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.herald.directory.EmployeeSummary;
import io.herald.shared.InvalidChange.Problem;

/**
 * Checks a plan as entered and turns it into content with people by id. Every problem
 * names its form field, so the person sees all of them at once.
 */
final class PlanRules {

	static final int TITLE_MAX = 200;

	static final int STEP_MAX = 500;

	static final int BODY_MAX = 20_000;

	private final Function<String, Optional<EmployeeSummary>> people;

	private final List<Problem> problems = new ArrayList<>();

	PlanRules(Function<String, Optional<EmployeeSummary>> people) {
		this.people = people;
	}

	List<Problem> problems() {
		return this.problems;
	}

	/**
	 * The content, or {@code null} when there are problems.
	 */
	PlanContent check(PlanDraft draft) {
		String title = text(draft.title());
		if (title.isEmpty()) {
			refuse("title", "crisis.plan.title.required");
		}
		else if (title.length() > TITLE_MAX) {
			refuse("title", "crisis.plan.title.tooLong", TITLE_MAX);
		}
		if (draft.scenario() == null) {
			refuse("scenario", "crisis.plan.scenario.required");
		}
		if (draft.severity() == null) {
			refuse("severity", "crisis.plan.severity.required");
		}
		Long owner = person("ownerEmail", draft.ownerEmail());
		List<PlanContent.Seat> team = team(draft.team());
		List<ChecklistStep> steps = steps(draft.steps(), team);
		List<MessageTemplate> templates = templates(draft.templates());
		List<Medium> media = media(draft.media());
		Integer interval = draft.reviewIntervalDays();
		if (interval == null) {
			refuse("reviewIntervalDays", "crisis.plan.reviewInterval.required");
		}
		else if (interval < 1 || interval > 3650) {
			refuse("reviewIntervalDays", "crisis.plan.reviewInterval.range");
		}
		boolean everyone = draft.everyone();
		TreeSet<Long> locations = new TreeSet<>(
				everyone || draft.locationIds() == null ? Set.of() : draft.locationIds());
		TreeSet<Long> departments = new TreeSet<>(
				everyone || draft.departmentIds() == null ? Set.of() : draft.departmentIds());
		if (!everyone && locations.isEmpty() && departments.isEmpty()) {
			refuse("everyone", "crisis.plan.scope.required");
		}
		if (!this.problems.isEmpty()) {
			return null;
		}
		return new PlanContent(title, draft.scenario(), draft.severity(), owner, team, steps, templates, media,
				everyone, locations, departments, interval);
	}

	private List<PlanContent.Seat> team(List<PlanDraft.MemberDraft> drafts) {
		List<PlanContent.Seat> seats = new ArrayList<>();
		Set<TeamRole> seen = EnumSet.noneOf(TeamRole.class);
		for (PlanDraft.MemberDraft draft : (drafts != null) ? drafts : List.<PlanDraft.MemberDraft>of()) {
			String field = "team[" + draft.row() + "]";
			if (draft.role() == null || !seen.add(draft.role())) {
				continue;
			}
			boolean deputyGiven = !text(draft.deputyEmail()).isEmpty();
			if (text(draft.personEmail()).isEmpty()) {
				if (deputyGiven) {
					refuse(field + ".personEmail", "crisis.team.person.required");
				}
				continue;
			}
			Long member = person(field + ".personEmail", draft.personEmail());
			Long deputy = deputyGiven ? person(field + ".deputyEmail", draft.deputyEmail()) : null;
			if (member != null && member.equals(deputy)) {
				refuse(field + ".deputyEmail", "crisis.team.deputy.same");
			}
			if (member != null) {
				seats.add(new PlanContent.Seat(draft.role(), member, deputy));
			}
		}
		if (!seen.contains(TeamRole.LEAD) || seats.stream().noneMatch((s) -> s.role() == TeamRole.LEAD)) {
			if (this.problems.stream().noneMatch((p) -> p.field() != null && p.field().startsWith("team[0]"))) {
				refuse("team[0].personEmail", "crisis.team.lead.required");
			}
		}
		seats.sort((a, b) -> a.role().compareTo(b.role()));
		return List.copyOf(seats);
	}

	private List<ChecklistStep> steps(List<PlanDraft.StepDraft> drafts, List<PlanContent.Seat> team) {
		List<ChecklistStep> steps = new ArrayList<>();
		for (PlanDraft.StepDraft draft : (drafts != null) ? drafts : List.<PlanDraft.StepDraft>of()) {
			String field = "steps[" + draft.row() + "]";
			String description = text(draft.description());
			if (description.isEmpty()) {
				if (draft.role() != null) {
					refuse(field + ".description", "crisis.step.description.required");
				}
				continue;
			}
			if (description.length() > STEP_MAX) {
				refuse(field + ".description", "crisis.step.description.tooLong", STEP_MAX);
			}
			if (draft.role() == null) {
				refuse(field + ".role", "crisis.step.role.required");
			}
			else if (team.stream().noneMatch((seat) -> seat.role() == draft.role())) {
				refuse(field + ".role", "crisis.step.role.unstaffed");
			}
			steps.add(new ChecklistStep(description, draft.role()));
		}
		if (steps.isEmpty()) {
			refuse("steps[0].description", "crisis.steps.required");
		}
		return List.copyOf(steps);
	}

	private List<MessageTemplate> templates(List<PlanDraft.TemplateDraft> drafts) {
		List<MessageTemplate> templates = new ArrayList<>();
		for (TemplateKind kind : TemplateKind.values()) {
			PlanDraft.TemplateDraft draft = (drafts != null)
					? drafts.stream().filter((d) -> d.kind() == kind).findFirst().orElse(null) : null;
			int row = (draft != null) ? draft.row() : kind.ordinal();
			String field = "templates[" + row + "]";
			String title = text((draft != null) ? draft.title() : null);
			String body = (draft != null && draft.body() != null) ? draft.body().strip() : "";
			if (title.isEmpty()) {
				refuse(field + ".title", "crisis.template.title.required");
			}
			else if (title.length() > TITLE_MAX) {
				refuse(field + ".title", "crisis.template.title.tooLong", TITLE_MAX);
			}
			if (body.isEmpty()) {
				refuse(field + ".body", "crisis.template.body.required");
			}
			else if (body.length() > BODY_MAX) {
				refuse(field + ".body", "crisis.template.body.tooLong", BODY_MAX);
			}
			this.problems.addAll(Placeholders.problems(field + ".title", title));
			this.problems.addAll(Placeholders.problems(field + ".body", body));
			templates.add(new MessageTemplate(kind, title, body));
		}
		return List.copyOf(templates);
	}

	private List<Medium> media(List<Medium> chosen) {
		List<Medium> media = new ArrayList<>();
		for (int i = 0; chosen != null && i < chosen.size(); i++) {
			Medium medium = chosen.get(i);
			if (medium == null) {
				continue;
			}
			if (media.contains(medium)) {
				refuse("media[" + i + "]", "crisis.plan.media.repeated");
			}
			else {
				media.add(medium);
			}
		}
		if (media.isEmpty()) {
			refuse("media[0]", "crisis.plan.media.required");
		}
		return List.copyOf(media);
	}

	private Long person(String field, String email) {
		String clean = text(email);
		if (clean.isEmpty()) {
			refuse(field, "crisis.person.required");
			return null;
		}
		Optional<EmployeeSummary> found = this.people.apply(clean);
		if (found.isEmpty()) {
			refuse(field, "crisis.person.unknown", clean);
			return null;
		}
		return found.get().id();
	}

	private void refuse(String field, String code, Object... arguments) {
		this.problems.add(new Problem(field, code, arguments));
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

}
