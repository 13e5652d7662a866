package io.herald.crisis.web;

import java.util.List;

import io.herald.crisis.CrisisPlans;
import io.herald.crisis.PlanSummary;
import io.herald.crisis.Scenario;
import io.herald.crisis.Severity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crisis plans for API clients, with the same access as the pages: comms managers, HR and
 * administrators.
 */
@RestController
@RequestMapping("/api/v1/crisis")
class CrisisApiController {

	private final CrisisPlans plans;

	CrisisApiController(CrisisPlans plans) {
		this.plans = plans;
	}

	/**
	 * One plan: the contract's {@code id, title, scenario, stale}, plus its severity and
	 * whether its contact chain is broken.
	 */
	record Item(long id, String title, Scenario scenario, Severity severity, boolean stale, boolean brokenChain) {

		static Item of(PlanSummary plan) {
			return new Item(plan.id(), plan.title(), plan.scenario(), plan.severity(), plan.flags().stale(),
					plan.flags().brokenChain());
		}

	}

	@GetMapping("/plans")
	List<Item> plans() {
		return this.plans.plans().stream().map(Item::of).toList();
	}

}
