package io.herald.crisis;

/**
 * Why a response team's contact chain is broken at one role.
 */
public record ChainProblem(TeamRole role, Kind kind, String personName) {

	/**
	 * What is wrong: the member left and nobody active stands in, or someone on the chain
	 * has no e-mail, phone or mobile.
	 */
	public enum Kind {

		INACTIVE_WITHOUT_ACTIVE_DEPUTY, MEMBER_UNREACHABLE, DEPUTY_UNREACHABLE

	}

}
