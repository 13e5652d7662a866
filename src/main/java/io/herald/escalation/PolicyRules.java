package io.herald.escalation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.herald.shared.InvalidChange.Problem;

/**
 * What makes a policy sensible. Steps are listed in time order: first those counted from
 * publishing, then those around the due time, each no earlier than the one before (steps
 * of the two anchors cannot be compared, since every post has its own due time). Refused,
 * each on its field: a missing or negative amount; a time before publishing, or at the
 * moment of publishing (the post itself arrives then); more than 90 days from the anchor;
 * an escalation before the due time, when nobody is late yet (the CRITICAL default
 * escalates 60 minutes after publishing instead); the same action twice at the same time;
 * steps out of order; more than ten steps.
 */
final class PolicyRules {

	static final int MAX_STEPS = 10;

	static final int MAX_DAYS = 90;

	static final int MAX_MINUTES = MAX_DAYS * 1440;

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Map<StepAction, String> PREFIX = new EnumMap<>(Map.of(StepAction.REMIND_RECIPIENT, "remind",
			StepAction.ESCALATE_MANAGER, "manager", StepAction.ESCALATE_CHANNEL_OWNER, "owner", StepAction.ESCALATE_HR,
			"hr", StepAction.ESCALATE_CRISIS_TEAM, "crisis"));

	private PolicyRules() {
	}

	/**
	 * Every problem with these steps; empty when they make a policy.
	 */
	static List<Problem> problems(List<StepDraft> steps) {
		List<Problem> problems = new ArrayList<>();
		if (steps.size() > MAX_STEPS) {
			problems.add(new Problem(null, "policies.tooManySteps", MAX_STEPS));
		}
		Set<String> seen = new HashSet<>();
		boolean dueSeen = false;
		Map<StepAnchor, Integer> latest = new EnumMap<>(StepAnchor.class);
		for (StepDraft step : steps) {
			if (!complete(step, problems) || !sensible(step, problems)) {
				continue;
			}
			int offset = offsetMinutes(step);
			if (!seen.add(step.anchor() + ":" + offset + ":" + step.action())) {
				problems.add(problem(step, "action", "policies.step.duplicate"));
				continue;
			}
			if (step.anchor() == StepAnchor.PUBLISHED && dueSeen) {
				problems.add(problem(step, "anchor", "policies.step.publishedAfterDue"));
				continue;
			}
			Integer before = latest.get(step.anchor());
			if (before != null && offset < before) {
				problems.add(problem(step, "amount", "policies.step.outOfOrder"));
				continue;
			}
			latest.put(step.anchor(), offset);
			dueSeen |= step.anchor() == StepAnchor.DUE;
		}
		return problems;
	}

	/**
	 * The steps to store, once {@link #problems} found none: a step that only moved in
	 * time keeps its code (who had it does not get it again); one that now does something
	 * else, or counts from elsewhere, is a new step with a fresh code, as are new ones.
	 */
	static List<PolicyStep> steps(List<StepDraft> drafts, List<PolicyStep> existing) {
		List<PolicyStep> steps = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (StepDraft draft : drafts) {
			String code = draft.code();
			boolean same = existing.stream()
				.anyMatch((step) -> step.code().equals(draft.code()) && step.action() == draft.action()
						&& step.anchor() == draft.anchor());
			if (code == null || !same || !CODE.matcher(code).matches() || !codes.add(code)) {
				code = newCode(draft.action());
				codes.add(code);
			}
			steps.add(new PolicyStep(code, draft.anchor(), offsetMinutes(draft), draft.action(), draft.medium()));
		}
		return steps;
	}

	static int offsetMinutes(StepDraft step) {
		int minutes = step.amount() * step.unit().minutes();
		return (step.direction() == OffsetDirection.BEFORE) ? -minutes : minutes;
	}

	private static boolean complete(StepDraft step, List<Problem> problems) {
		int before = problems.size();
		if (step.amount() == null) {
			problems.add(problem(step, "amount", "policies.step.amountRequired"));
		}
		else if (step.amount() < 0) {
			problems.add(problem(step, "amount", "policies.step.amountNegative"));
		}
		if (step.unit() == null) {
			problems.add(problem(step, "unit", "policies.step.choose"));
		}
		if (step.direction() == null) {
			problems.add(problem(step, "direction", "policies.step.choose"));
		}
		if (step.anchor() == null) {
			problems.add(problem(step, "anchor", "policies.step.choose"));
		}
		if (step.action() == null) {
			problems.add(problem(step, "action", "policies.step.choose"));
		}
		if (step.medium() == null) {
			problems.add(problem(step, "medium", "policies.step.choose"));
		}
		return problems.size() == before;
	}

	private static boolean sensible(StepDraft step, List<Problem> problems) {
		// In long arithmetic: a huge amount must be refused, not wrap around.
		long minutes = (long) step.amount() * step.unit().minutes();
		if (minutes > MAX_MINUTES) {
			problems.add(problem(step, "amount", "policies.step.tooFar", MAX_DAYS));
			return false;
		}
		if (step.anchor() == StepAnchor.PUBLISHED && step.direction() == OffsetDirection.BEFORE && minutes > 0) {
			problems.add(problem(step, "direction", "policies.step.beforePublishing"));
			return false;
		}
		if (step.anchor() == StepAnchor.PUBLISHED && minutes == 0) {
			problems.add(problem(step, "amount", "policies.step.atPublishing"));
			return false;
		}
		if (step.anchor() == StepAnchor.DUE && step.direction() == OffsetDirection.BEFORE && minutes > 0
				&& !step.action().reminds()) {
			problems.add(problem(step, "action", "policies.step.escalationBeforeDue"));
			return false;
		}
		return true;
	}

	private static Problem problem(StepDraft step, String field, String code, Object... arguments) {
		return new Problem("steps[" + step.row() + "]." + field, code, arguments);
	}

	private static String newCode(StepAction action) {
		byte[] random = new byte[5];
		RANDOM.nextBytes(random);
		return PREFIX.get(action) + "-" + HexFormat.of().formatHex(random);
	}

}
