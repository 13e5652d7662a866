package io.herald.crisis;

import java.util.List;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services check who calls, whatever the route: employees read procedures only, HR
 * reads plans but changes nothing, comms managers write both.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrisisAuthorizationTests implements PostgresIntegrationTest {

	@Autowired
	CrisisPlans plans;

	@Autowired
	Procedures procedures;

	@Test
	@WithUserDetails("employee@herald.test")
	void employeesReadProceduresButNoPlans() {
		assertThat(this.procedures.all()).isNotEmpty();
		assertThatThrownBy(() -> this.plans.plans()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.find(1)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.history(1)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.create(Plans.draft("Employee plan")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.procedures.create(new ProcedureDraft("T", "B", List.of(Plans.COMMS))))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithUserDetails(Plans.HR)
	void hrReadsPlansButChangesNothing() {
		List<PlanSummary> all = this.plans.plans();
		assertThat(all).isNotEmpty();
		PlanView plan = this.plans.find(all.get(0).id()).orElseThrow();

		assertThatThrownBy(() -> this.plans.create(Plans.draft("HR plan"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.change(plan.id(), plan.version(), Plans.draft("HR edit")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.markReviewed(plan.id(), plan.version()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.plans.find(plan.id()).orElseThrow().version()).isEqualTo(plan.version());
	}

}
