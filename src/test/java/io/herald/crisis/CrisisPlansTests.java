package io.herald.crisis;

import java.time.LocalDate;
import java.util.List;

import io.herald.shared.InvalidChange;
import io.herald.support.Escalating;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans on PostgreSQL as a comms manager writes them: every save is a new version with
 * the old one kept, a save from an outdated form is refused and changes nothing, and the
 * flags follow the directory and the review date.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails(Plans.COMMS)
class CrisisPlansTests implements PostgresIntegrationTest {

	@Autowired
	CrisisPlans plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void savingAnEditKeepsThePreviousVersionInTheHistory() {
		long id = this.plans.create(Plans.draft("Versioned fire plan"));
		PlanView first = this.plans.find(id).orElseThrow();

		this.plans.change(id, first.version(),
				Plans.draft("Versioned fire plan (Warsaw)", List.of("Sound the alarm", "Call 112", "Count people")));

		PlanView second = this.plans.find(id).orElseThrow();
		assertThat(second.revision()).isEqualTo(2);
		assertThat(second.title()).isEqualTo("Versioned fire plan (Warsaw)");
		assertThat(second.steps()).extracting(ChecklistStep::description)
			.containsExactly("Sound the alarm", "Call 112", "Count people");
		List<PlanRevision> history = this.plans.history(id);
		assertThat(history).extracting(PlanRevision::revision).containsExactly(2, 1);
		assertThat(history.get(0).changes()).containsExactly("title", "checklist");
		assertThat(history.get(0).changedBy()).isEqualTo("Olivia Bennett");
		assertThat(history.get(1).changes()).containsExactly("created");
		// The first version is still there, whole, for incidents opened from it.
		assertThat(this.jdbc.queryForList(
				"select description from crisis_plan_steps where plan_id = ? and revision = 1 order by step_order",
				String.class, id))
			.containsExactly("Sound the alarm", "Count people at the assembly point");
		assertThat(this.jdbc.queryForObject(
				"select title from crisis_plan_revisions where plan_id = ? and revision = 1", String.class, id))
			.isEqualTo("Versioned fire plan");
	}

	@Test
	void savingWithoutAChangeAddsNoVersion() {
		long id = this.plans.create(Plans.draft("Unchanged plan"));

		this.plans.change(id, this.plans.find(id).orElseThrow().version(), Plans.draft("Unchanged plan"));

		assertThat(this.plans.history(id)).hasSize(1);
	}

	@Test
	void aSaveFromAnOutdatedFormIsRefusedAndChangesNothing() {
		long id = this.plans.create(Plans.draft("Contested plan"));
		long opened = this.plans.find(id).orElseThrow().version();
		this.plans.change(id, opened, Plans.draft("Contested plan, first edit"));

		assertThatThrownBy(() -> this.plans.change(id, opened, Plans.draft("Contested plan, second edit")))
			.isInstanceOfSatisfying(InvalidChange.class, (refused) -> {
				assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
					.containsExactly("crisis.plan.concurrent");
				assertThat(refused.problems().get(0).field()).isNull();
			});
		assertThatThrownBy(() -> this.plans.markReviewed(id, opened)).isInstanceOf(InvalidChange.class);

		PlanView plan = this.plans.find(id).orElseThrow();
		assertThat(plan.title()).isEqualTo("Contested plan, first edit");
		assertThat(this.plans.history(id)).hasSize(2);
	}

	@Test
	void problemsNameTheirFieldsAndNothingIsSaved() {
		PlanDraft bad = Plans.withLead(Plans.withAlertBody(Plans.draft(" "), "Meet at {assembly_point}"),
				"nobody@nowhere.test", "");

		assertThatThrownBy(() -> this.plans.create(bad)).isInstanceOfSatisfying(InvalidChange.class,
				(refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::field)
					.contains("title", "team[0].personEmail", "templates[0].body"));
		// Only this test creates plans from this draft: count its title.
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_plan_revisions where title = ' '", Long.class))
			.isZero();
	}

	@Test
	void aLeadWhoLeftWithoutADeputyBreaksTheChainAndAnOverduePlanIsStaleUntilReviewed() {
		Escalating people = new Escalating(this.context);
		long leaver = people.person("Leaver", "Europe/Warsaw", null);
		String email = this.jdbc.queryForObject("select email from employees where id = ?", String.class, leaver);
		people.deactivate(leaver);
		long id = this.plans.create(Plans.reviewed(Plans.withLead(Plans.draft("Flagged plan"), email, ""),
				LocalDate.now().minusDays(400), 365));

		PlanSummary summary = this.plans.plans().stream().filter((p) -> p.id() == id).findFirst().orElseThrow();
		assertThat(summary.flags().stale()).isTrue();
		assertThat(summary.flags().chainProblems()).extracting(ChainProblem::role, ChainProblem::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TeamRole.LEAD,
					ChainProblem.Kind.INACTIVE_WITHOUT_ACTIVE_DEPUTY));

		this.plans.markReviewed(id, this.plans.find(id).orElseThrow().version());

		PlanView reviewed = this.plans.find(id).orElseThrow();
		assertThat(reviewed.flags().stale()).isFalse();
		assertThat(reviewed.lastReviewedOn()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC));
		assertThat(reviewed.flags().brokenChain()).isTrue();
	}

}
