package io.herald.escalation;

import java.util.ArrayList;
import java.util.List;

import io.herald.shared.InvalidChange.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies that make no sense are refused, each problem on its field.
 */
class PolicyRulesTests {

	@Test
	void theDefaultsAreSensible() {
		assertThat(PolicyRules.problems(drafts(DefaultSteps.IMPORTANT))).isEmpty();
		assertThat(PolicyRules.problems(drafts(DefaultSteps.CRITICAL))).isEmpty();
		assertThat(PolicyRules.problems(List.of())).isEmpty();
	}

	@Test
	void aStepBeforePublishingIsRefused() {
		assertThat(problems(step(0, 2, OffsetUnit.HOURS, OffsetDirection.BEFORE, StepAnchor.PUBLISHED,
				StepAction.REMIND_RECIPIENT)))
			.containsExactly("steps[0].direction=policies.step.beforePublishing");
	}

	@Test
	void aStepAtTheMomentOfPublishingIsRefused() {
		assertThat(problems(
				step(0, 0, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.PUBLISHED, StepAction.REMIND_RECIPIENT)))
			.containsExactly("steps[0].amount=policies.step.atPublishing");
	}

	@Test
	void aNegativeOrMissingAmountIsRefused() {
		assertThat(problems(
				step(0, -5, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.REMIND_RECIPIENT)))
			.containsExactly("steps[0].amount=policies.step.amountNegative");
		assertThat(problems(new StepDraft(3, null, null, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE,
				StepAction.REMIND_RECIPIENT, StepMedium.EMAIL)))
			.containsExactly("steps[3].amount=policies.step.amountRequired");
	}

	@Test
	void missingChoicesAreRefusedOnEachField() {
		assertThat(problems(new StepDraft(1, null, 4, null, null, null, null, null))).containsExactly(
				"steps[1].unit=policies.step.choose", "steps[1].direction=policies.step.choose",
				"steps[1].anchor=policies.step.choose", "steps[1].action=policies.step.choose",
				"steps[1].medium=policies.step.choose");
	}

	@Test
	void moreThanNinetyDaysIsRefusedWithoutOverflow() {
		assertThat(
				problems(step(0, 91, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_HR)))
			.containsExactly("steps[0].amount=policies.step.tooFar");
		assertThat(problems(step(0, Integer.MAX_VALUE, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE,
				StepAction.ESCALATE_HR)))
			.containsExactly("steps[0].amount=policies.step.tooFar");
		assertThat(
				problems(step(0, 90, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_HR)))
			.isEmpty();
	}

	@Test
	void anEscalationBeforeTheDueTimeIsRefusedButAReminderIsFine() {
		assertThat(problems(
				step(0, 1, OffsetUnit.HOURS, OffsetDirection.BEFORE, StepAnchor.DUE, StepAction.ESCALATE_MANAGER)))
			.containsExactly("steps[0].action=policies.step.escalationBeforeDue");
		assertThat(problems(
				step(0, 1, OffsetUnit.HOURS, OffsetDirection.BEFORE, StepAnchor.DUE, StepAction.REMIND_RECIPIENT)))
			.isEmpty();
	}

	@Test
	void stepsOutOfChronologicalOrderAreRefused() {
		assertThat(problems(step(0, 2, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_HR),
				step(1, 1, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_MANAGER)))
			.containsExactly("steps[1].amount=policies.step.outOfOrder");
		assertThat(problems(
				step(0, 0, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.REMIND_RECIPIENT),
				step(1, 15, OffsetUnit.MINUTES, OffsetDirection.AFTER, StepAnchor.PUBLISHED,
						StepAction.REMIND_RECIPIENT)))
			.containsExactly("steps[1].anchor=policies.step.publishedAfterDue");
	}

	@Test
	void theSameStepTwiceIsRefusedButTwoActionsAtOneTimeAreFine() {
		assertThat(problems(
				step(0, 24, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_MANAGER),
				step(1, 1, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_MANAGER)))
			.containsExactly("steps[1].action=policies.step.duplicate");
		assertThat(problems(
				step(0, 1, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.REMIND_RECIPIENT),
				step(1, 1, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_MANAGER)))
			.isEmpty();
	}

	@Test
	void moreThanTenStepsAreRefused() {
		List<StepDraft> steps = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			steps.add(step(i, i + 1, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE,
					StepAction.REMIND_RECIPIENT));
		}

		assertThat(PolicyRules.problems(steps)).extracting(Problem::code).containsExactly("policies.tooManySteps");
	}

	@Test
	void existingStepsKeepTheirCodesAndNewOnesGetFreshOnes() {
		List<StepDraft> drafts = new ArrayList<>(drafts(DefaultSteps.IMPORTANT));
		drafts.add(step(9, 5, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_HR));

		List<PolicyStep> steps = PolicyRules.steps(drafts, DefaultSteps.IMPORTANT);

		assertThat(steps.subList(0, 4)).containsExactlyElementsOf(DefaultSteps.IMPORTANT);
		assertThat(steps.get(4).code()).startsWith("hr-")
			.isNotIn(DefaultSteps.IMPORTANT.stream().map(PolicyStep::code).toList());
		assertThat(steps.get(4).offsetMinutes()).isEqualTo(5 * 1440);
	}

	@Test
	void aForgedOrRepeatedCodeIsReplaced() {
		List<PolicyStep> steps = PolicyRules.steps(
				List.of(new StepDraft(0, "Robert'); drop", 1, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE,
						StepAction.REMIND_RECIPIENT, StepMedium.EMAIL),
						new StepDraft(1, "same", 2, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE,
								StepAction.REMIND_RECIPIENT, StepMedium.EMAIL),
						new StepDraft(2, "same", 3, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.DUE,
								StepAction.REMIND_RECIPIENT, StepMedium.EMAIL)),
				List.of(new PolicyStep("same", StepAnchor.DUE, 60, StepAction.REMIND_RECIPIENT, StepMedium.EMAIL)));

		assertThat(steps).extracting(PolicyStep::code).doesNotHaveDuplicates().doesNotContain("Robert'); drop");
		assertThat(steps.get(1).code()).isEqualTo("same");
	}

	@Test
	void aStepThatNowDoesSomethingElseIsANewStep() {
		PolicyStep reminder = new PolicyStep("remind-at-due", StepAnchor.DUE, 0, StepAction.REMIND_RECIPIENT,
				StepMedium.EMAIL);

		List<PolicyStep> steps = PolicyRules.steps(List.of(new StepDraft(0, "remind-at-due", 0, OffsetUnit.HOURS,
				OffsetDirection.AFTER, StepAnchor.DUE, StepAction.ESCALATE_HR, StepMedium.EMAIL)), List.of(reminder));

		assertThat(steps.get(0).code()).isNotEqualTo("remind-at-due").startsWith("hr-");
	}

	private static List<String> problems(StepDraft... steps) {
		return PolicyRules.problems(List.of(steps)).stream().map((p) -> p.field() + "=" + p.code()).toList();
	}

	private static StepDraft step(int row, int amount, OffsetUnit unit, OffsetDirection direction, StepAnchor anchor,
			StepAction action) {
		return new StepDraft(row, null, amount, unit, direction, anchor, action, StepMedium.EMAIL);
	}

	private static List<StepDraft> drafts(List<PolicyStep> steps) {
		List<StepDraft> drafts = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			PolicyStep step = steps.get(i);
			drafts.add(new StepDraft(i, step.code(), step.amount(), step.unit(), step.direction(), step.anchor(),
					step.action(), step.medium()));
		}
		return drafts;
	}

}
