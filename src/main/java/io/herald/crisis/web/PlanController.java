package io.herald.crisis.web;

import java.time.Clock;
import java.time.LocalDate;

import io.herald.crisis.CrisisPlans;
import io.herald.crisis.IncidentRoster;
import io.herald.crisis.Medium;
import io.herald.crisis.PlanNotFound;
import io.herald.crisis.PlanView;
import io.herald.crisis.Placeholders;
import io.herald.crisis.Scenario;
import io.herald.crisis.Severity;
import io.herald.crisis.TeamRole;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.InvalidChange;
import io.herald.shared.SignedInPerson;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Crisis plans: the list with flags, a plan's page with its history, and the form to
 * write or change one (comms managers and administrators).
 */
@Controller
class PlanController {

	private final CrisisPlans plans;

	private final EmployeeDirectory directory;

	private final Clock clock;

	private final IncidentRoster incidents;

	PlanController(CrisisPlans plans, EmployeeDirectory directory, Clock clock, IncidentRoster incidents) {
		this.plans = plans;
		this.incidents = incidents;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/crisis")
	String list(Model model) {
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("incidents", this.incidents.incidents());
		return "crisis/list";
	}

	@GetMapping("/crisis/plans/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("plan", plan(id));
		model.addAttribute("history", this.plans.history(id));
		return "crisis/plan";
	}

	@GetMapping("/crisis/plans/new")
	String create(@AuthenticationPrincipal SignedInPerson caller, Model model) {
		model.addAttribute("planForm", PlanForm.empty(caller.email(), LocalDate.now(this.clock)));
		return form(model, null);
	}

	@PostMapping("/crisis/plans")
	String create(@Valid @ModelAttribute PlanForm planForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.plans.create(planForm.toDraft());
			redirect.addFlashAttribute("flashSuccess", "crisis.plan.created");
			return "redirect:/crisis/plans/" + id;
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return form(model, null);
		}
	}

	@GetMapping("/crisis/plans/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		PlanView plan = plan(id);
		model.addAttribute("planForm", PlanForm.of(plan));
		return form(model, plan);
	}

	@PostMapping("/crisis/plans/{id:\\d+}")
	String save(@PathVariable long id, @Valid @ModelAttribute PlanForm planForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PlanView plan = plan(id);
		if (result.hasErrors()) {
			return form(model, plan);
		}
		try {
			this.plans.change(id, planForm.getVersion(), planForm.toDraft());
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return form(model, plan);
		}
		redirect.addFlashAttribute("flashSuccess", "crisis.plan.saved");
		return "redirect:/crisis/plans/" + id;
	}

	@PostMapping("/crisis/plans/{id:\\d+}/reviewed")
	String reviewed(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			this.plans.markReviewed(id, version);
			redirect.addFlashAttribute("flashSuccess", "crisis.plan.reviewed");
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", "crisis.plan.concurrent");
		}
		return "redirect:/crisis/plans/" + id;
	}

	private String form(Model model, PlanView plan) {
		if (model.getAttribute("planForm") instanceof PlanForm planForm) {
			planForm.fillMedia();
		}
		model.addAttribute("plan", plan);
		model.addAttribute("scenarios", Scenario.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("roles", TeamRole.values());
		model.addAttribute("media", Medium.values());
		model.addAttribute("placeholders", Placeholders.allowed());
		model.addAttribute("locations", this.directory.locationOptions());
		model.addAttribute("departments", this.directory.departmentOptions());
		return "crisis/form";
	}

	private PlanView plan(long id) {
		return this.plans.find(id).orElseThrow(() -> new PlanNotFound(id));
	}

}
