package io.herald.crisis;

import java.time.LocalDate;
import java.util.List;

/**
 * What needs attention on a plan: overdue for review (since {@code reviewDue}) and the
 * roles where the contact chain is broken.
 */
public record PlanFlags(LocalDate reviewDue, boolean stale, List<ChainProblem> chainProblems) {

	public boolean brokenChain() {
		return !this.chainProblems.isEmpty();
	}

}
