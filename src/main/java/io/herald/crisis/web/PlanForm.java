package io.herald.crisis.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.herald.crisis.ChecklistStep;
import io.herald.crisis.Medium;
import io.herald.crisis.MessageTemplate;
import io.herald.crisis.PlanDraft;
import io.herald.crisis.PlanView;
import io.herald.crisis.Scenario;
import io.herald.crisis.Severity;
import io.herald.crisis.TeamMember;
import io.herald.crisis.TeamRole;
import io.herald.crisis.TemplateKind;
import io.herald.directory.DirectoryOption;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A plan as a form: one team row per role, the checklist plus empty rows for new steps (a
 * row without a description is not a step), one row per message template, and two media
 * in order (the second a backup, or none).
 */
class PlanForm {

	static final int EMPTY_STEPS = 3;

	private long version;

	@SingleLine
	private String title;

	private Scenario scenario;

	private Severity severity;

	@SingleLine
	private String ownerEmail;

	@Valid
	private List<TeamRow> team = new ArrayList<>();

	@Valid
	private List<StepRow> steps = new ArrayList<>();

	@Valid
	private List<TemplateRow> templates = new ArrayList<>();

	private List<Medium> media = new ArrayList<>();

	private boolean everyone = true;

	private List<Long> locationIds = new ArrayList<>();

	private List<Long> departmentIds = new ArrayList<>();

	private Integer reviewIntervalDays = 180;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate lastReviewedOn;

	static PlanForm empty(String ownerEmail, LocalDate today) {
		PlanForm form = new PlanForm();
		form.ownerEmail = ownerEmail;
		form.lastReviewedOn = today;
		for (TeamRole role : TeamRole.values()) {
			form.team.add(new TeamRow(role));
		}
		for (TemplateKind kind : TemplateKind.values()) {
			TemplateRow row = new TemplateRow();
			row.setKind(kind);
			form.templates.add(row);
		}
		form.media.add(Medium.IN_APP);
		form.media.add(Medium.EMAIL);
		form.addEmptySteps();
		return form;
	}

	static PlanForm of(PlanView plan) {
		PlanForm form = new PlanForm();
		form.version = plan.version();
		form.title = plan.title();
		form.scenario = plan.scenario();
		form.severity = plan.severity();
		form.ownerEmail = (plan.owner() != null) ? plan.owner().email() : null;
		for (TeamRole role : TeamRole.values()) {
			TeamRow row = new TeamRow(role);
			for (TeamMember member : plan.team()) {
				if (member.role() == role) {
					row.setPersonEmail(member.person().email());
					row.setDeputyEmail((member.deputy() != null) ? member.deputy().email() : null);
				}
			}
			form.team.add(row);
		}
		for (ChecklistStep step : plan.steps()) {
			StepRow row = new StepRow();
			row.setDescription(step.description());
			row.setRole(step.role());
			form.steps.add(row);
		}
		for (TemplateKind kind : TemplateKind.values()) {
			MessageTemplate template = plan.template(kind);
			TemplateRow row = new TemplateRow();
			row.setKind(kind);
			if (template != null) {
				row.setTitle(template.title());
				row.setBody(template.body());
			}
			form.templates.add(row);
		}
		form.media = new ArrayList<>(plan.media());
		form.fillMedia();
		form.everyone = plan.everyone();
		form.locationIds = plan.locations().stream().map(DirectoryOption::id).toList();
		form.departmentIds = plan.departments().stream().map(DirectoryOption::id).toList();
		form.reviewIntervalDays = plan.reviewIntervalDays();
		form.lastReviewedOn = plan.lastReviewedOn();
		form.addEmptySteps();
		return form;
	}

	/**
	 * Two media rows, as the form shows them: a medium that could not be read leaves its
	 * row out of the list, and the form cannot show a missing row of an enum.
	 */
	void fillMedia() {
		if (this.media == null) {
			this.media = new ArrayList<>();
		}
		while (this.media.size() < 2) {
			this.media.add(null);
		}
	}

	void addEmptySteps() {
		for (int i = 0; i < EMPTY_STEPS; i++) {
			this.steps.add(new StepRow());
		}
	}

	PlanDraft toDraft() {
		List<PlanDraft.MemberDraft> members = new ArrayList<>();
		for (int i = 0; i < this.team.size(); i++) {
			TeamRow row = this.team.get(i);
			if (row != null) {
				members.add(new PlanDraft.MemberDraft(i, row.getRole(), row.getPersonEmail(), row.getDeputyEmail()));
			}
		}
		List<PlanDraft.StepDraft> stepDrafts = new ArrayList<>();
		for (int i = 0; i < this.steps.size(); i++) {
			StepRow row = this.steps.get(i);
			if (row != null) {
				stepDrafts.add(new PlanDraft.StepDraft(i, row.getDescription(), row.getRole()));
			}
		}
		List<PlanDraft.TemplateDraft> templateDrafts = new ArrayList<>();
		for (int i = 0; i < this.templates.size(); i++) {
			TemplateRow row = this.templates.get(i);
			if (row != null) {
				templateDrafts.add(new PlanDraft.TemplateDraft(i, row.getKind(), row.getTitle(), row.getBody()));
			}
		}
		return new PlanDraft(this.title, this.scenario, this.severity, this.ownerEmail, members, stepDrafts,
				templateDrafts, new ArrayList<>(this.media), this.everyone, new LinkedHashSet<>(this.locationIds),
				new LinkedHashSet<>(this.departmentIds), this.reviewIntervalDays, this.lastReviewedOn);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Scenario getScenario() {
		return this.scenario;
	}

	public void setScenario(Scenario scenario) {
		this.scenario = scenario;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public void setSeverity(Severity severity) {
		this.severity = severity;
	}

	public String getOwnerEmail() {
		return this.ownerEmail;
	}

	public void setOwnerEmail(String ownerEmail) {
		this.ownerEmail = ownerEmail;
	}

	public List<TeamRow> getTeam() {
		return this.team;
	}

	public void setTeam(List<TeamRow> team) {
		this.team = team;
	}

	public List<StepRow> getSteps() {
		return this.steps;
	}

	public void setSteps(List<StepRow> steps) {
		this.steps = steps;
	}

	public List<TemplateRow> getTemplates() {
		return this.templates;
	}

	public void setTemplates(List<TemplateRow> templates) {
		this.templates = templates;
	}

	public List<Medium> getMedia() {
		return this.media;
	}

	public void setMedia(List<Medium> media) {
		this.media = media;
	}

	public boolean isEveryone() {
		return this.everyone;
	}

	public void setEveryone(boolean everyone) {
		this.everyone = everyone;
	}

	public List<Long> getLocationIds() {
		return this.locationIds;
	}

	public void setLocationIds(List<Long> locationIds) {
		this.locationIds = locationIds;
	}

	public List<Long> getDepartmentIds() {
		return this.departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds;
	}

	public Integer getReviewIntervalDays() {
		return this.reviewIntervalDays;
	}

	public void setReviewIntervalDays(Integer reviewIntervalDays) {
		this.reviewIntervalDays = reviewIntervalDays;
	}

	public LocalDate getLastReviewedOn() {
		return this.lastReviewedOn;
	}

	public void setLastReviewedOn(LocalDate lastReviewedOn) {
		this.lastReviewedOn = lastReviewedOn;
	}

	/**
	 * A role's holder and deputy by e-mail.
	 */
	public static class TeamRow {

		private TeamRole role;

		@SingleLine
		private String personEmail;

		@SingleLine
		private String deputyEmail;

		public TeamRow() {
		}

		TeamRow(TeamRole role) {
			this.role = role;
		}

		public TeamRole getRole() {
			return this.role;
		}

		public void setRole(TeamRole role) {
			this.role = role;
		}

		public String getPersonEmail() {
			return this.personEmail;
		}

		public void setPersonEmail(String personEmail) {
			this.personEmail = personEmail;
		}

		public String getDeputyEmail() {
			return this.deputyEmail;
		}

		public void setDeputyEmail(String deputyEmail) {
			this.deputyEmail = deputyEmail;
		}

	}

	/**
	 * One checklist step and the role responsible.
	 */
	public static class StepRow {

		@SingleLine
		private String description;

		private TeamRole role;

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public TeamRole getRole() {
			return this.role;
		}

		public void setRole(TeamRole role) {
			this.role = role;
		}

	}

	/**
	 * One pre-approved message.
	 */
	public static class TemplateRow {

		private TemplateKind kind;

		@SingleLine
		private String title;

		@MultiLine
		private String body;

		public TemplateKind getKind() {
			return this.kind;
		}

		public void setKind(TemplateKind kind) {
			this.kind = kind;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getBody() {
			return this.body;
		}

		public void setBody(String body) {
			this.body = body;
		}

	}

}
