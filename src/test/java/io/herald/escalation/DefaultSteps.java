package io.herald.escalation;

import java.util.List;

/**
 * The default policies as V13 seeds them (the README's configuration and
 * {@code V13__escalation_policies_and_steps.sql}), for tests of the rules;
 * {@code EscalationSweepTests} checks the database holds the same.
 */
final class DefaultSteps {

	static final PolicyStep IMPORTANT_REMIND_BEFORE_DUE = new PolicyStep("important-remind-before-due", StepAnchor.DUE,
			-1440, StepAction.REMIND_RECIPIENT, StepMedium.EMAIL);

	static final PolicyStep IMPORTANT_REMIND_AT_DUE = new PolicyStep("important-remind-at-due", StepAnchor.DUE, 0,
			StepAction.REMIND_RECIPIENT, StepMedium.EMAIL);

	static final PolicyStep IMPORTANT_MANAGER = new PolicyStep("important-manager", StepAnchor.DUE, 1440,
			StepAction.ESCALATE_MANAGER, StepMedium.EMAIL);

	static final PolicyStep IMPORTANT_OWNER_OR_HR = new PolicyStep("important-owner-or-hr", StepAnchor.DUE, 4320,
			StepAction.ESCALATE_CHANNEL_OWNER, StepMedium.EMAIL);

	static final List<PolicyStep> IMPORTANT = List.of(IMPORTANT_REMIND_BEFORE_DUE, IMPORTANT_REMIND_AT_DUE,
			IMPORTANT_MANAGER, IMPORTANT_OWNER_OR_HR);

	static final PolicyStep CRITICAL_REMIND_15 = new PolicyStep("critical-remind-15m", StepAnchor.PUBLISHED, 15,
			StepAction.REMIND_RECIPIENT, StepMedium.EMAIL);

	static final PolicyStep CRITICAL_REMIND_30 = new PolicyStep("critical-remind-30m", StepAnchor.PUBLISHED, 30,
			StepAction.REMIND_RECIPIENT, StepMedium.EMAIL);

	static final PolicyStep CRITICAL_MANAGER = new PolicyStep("critical-manager", StepAnchor.PUBLISHED, 60,
			StepAction.ESCALATE_MANAGER, StepMedium.EMAIL);

	static final PolicyStep CRITICAL_CRISIS_TEAM = new PolicyStep("critical-crisis-team", StepAnchor.DUE, 0,
			StepAction.ESCALATE_CRISIS_TEAM, StepMedium.EMAIL);

	static final List<PolicyStep> CRITICAL = List.of(CRITICAL_REMIND_15, CRITICAL_REMIND_30, CRITICAL_MANAGER,
			CRITICAL_CRISIS_TEAM);

	private DefaultSteps() {
	}

}
