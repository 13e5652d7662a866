package io.herald.crisis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain breaks where a member left without an active deputy, or where someone who
 * counts has no e-mail, phone or mobile.
 */
class ContactChainRuleTests {

	private static Person active(long id, String name) {
		return new Person(id, name, name.toLowerCase() + "@example.test", null, null, true);
	}

	private static Person left(long id, String name) {
		return new Person(id, name, name.toLowerCase() + "@example.test", "+48 22 000", null, false);
	}

	private static Person unreachable(long id, String name) {
		return new Person(id, name, " ", null, "", true);
	}

	@Test
	void activeReachablePeopleMakeAnUnbrokenChain() {
		assertThat(ContactChainRule.problems(List.of(new TeamMember(TeamRole.LEAD, active(1, "Ann"), active(2, "Bo")),
				new TeamMember(TeamRole.IT, active(3, "Cy"), null))))
			.isEmpty();
	}

	@Test
	void aMemberWhoLeftIsCoveredByAnActiveDeputy() {
		assertThat(ContactChainRule
			.problems(List.of(new TeamMember(TeamRole.FACILITIES, left(1, "Ann"), active(2, "Bo"))))).isEmpty();
	}

	@Test
	void aMemberWhoLeftWithoutADeputyOrWithADeputyWhoLeftToo() {
		List<ChainProblem> problems = ContactChainRule
			.problems(List.of(new TeamMember(TeamRole.FACILITIES, left(1, "Ann"), null),
					new TeamMember(TeamRole.HR, left(3, "Cy"), left(4, "Di"))));

		assertThat(problems).containsExactly(
				new ChainProblem(TeamRole.FACILITIES, ChainProblem.Kind.INACTIVE_WITHOUT_ACTIVE_DEPUTY, "Ann"),
				new ChainProblem(TeamRole.HR, ChainProblem.Kind.INACTIVE_WITHOUT_ACTIVE_DEPUTY, "Cy"));
	}

	@Test
	void someoneWithNoEmailPhoneOrMobileBreaksTheChain() {
		List<ChainProblem> problems = ContactChainRule
			.problems(List.of(new TeamMember(TeamRole.LEAD, unreachable(1, "Ann"), active(2, "Bo")),
					new TeamMember(TeamRole.IT, active(3, "Cy"), unreachable(4, "Di"))));

		assertThat(problems).containsExactly(
				new ChainProblem(TeamRole.LEAD, ChainProblem.Kind.MEMBER_UNREACHABLE, "Ann"),
				new ChainProblem(TeamRole.IT, ChainProblem.Kind.DEPUTY_UNREACHABLE, "Di"));
	}

	@Test
	void aPhoneOrMobileAloneIsEnough() {
		Person phoneOnly = new Person(1, "Ann", null, "+48 22 123", null, true);
		Person mobileOnly = new Person(2, "Bo", null, null, "+48 600", true);

		assertThat(ContactChainRule.problems(List.of(new TeamMember(TeamRole.LEAD, phoneOnly, mobileOnly)))).isEmpty();
	}

}
