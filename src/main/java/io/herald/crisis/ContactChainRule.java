package io.herald.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a response team can be reached: a member who left needs an active deputy, and
 * everyone on the chain (member and deputy) needs an e-mail, phone or mobile. A deputy
 * who is inactive does not count, so they are not checked for reachability either.
 */
public final class ContactChainRule {

	private ContactChainRule() {
	}

	public static List<ChainProblem> problems(List<TeamMember> team) {
		List<ChainProblem> problems = new ArrayList<>();
		for (TeamMember member : team) {
			Person person = member.person();
			Person deputy = member.deputy();
			boolean deputyActive = deputy != null && deputy.active();
			if (!person.active() && !deputyActive) {
				problems.add(new ChainProblem(member.role(), ChainProblem.Kind.INACTIVE_WITHOUT_ACTIVE_DEPUTY,
						person.displayName()));
			}
			if (person.active() && !person.reachable()) {
				problems
					.add(new ChainProblem(member.role(), ChainProblem.Kind.MEMBER_UNREACHABLE, person.displayName()));
			}
			if (deputyActive && !deputy.reachable()) {
				problems
					.add(new ChainProblem(member.role(), ChainProblem.Kind.DEPUTY_UNREACHABLE, deputy.displayName()));
			}
		}
		return List.copyOf(problems);
	}

}
