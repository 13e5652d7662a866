package io.herald.crisis.web;

import io.herald.crisis.Activation;
import io.herald.crisis.CheckInStatus;
import io.herald.crisis.CrisisPlans;
import io.herald.crisis.IncidentResponse;
import io.herald.crisis.IncidentView;
import io.herald.crisis.IncidentRoster;
import io.herald.crisis.Incidents;
import io.herald.crisis.OpenedIncident;
import io.herald.crisis.PlanNotFound;
import io.herald.crisis.PlanView;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;
import io.herald.shared.InvalidChange;
import io.herald.shared.LocalPaths;
import io.herald.shared.Role;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.Valid;

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
 * Incidents in the browser: the activation confirmation, the live roster (and its
 * fragment that the page polls), check-ins and resolving.
 */
@Controller
class IncidentController {

	private final Incidents incidents;

	private final IncidentRoster roster;

	private final CrisisPlans plans;

	private final IncidentResponse response;

	private final EmployeeDirectory directory;

	IncidentController(Incidents incidents, IncidentRoster roster, IncidentResponse response, CrisisPlans plans,
			EmployeeDirectory directory) {
		this.incidents = incidents;
		this.roster = roster;
		this.response = response;
		this.plans = plans;
		this.directory = directory;
	}

	@GetMapping("/crisis/plans/{id:\\d+}/activate")
	String activate(@PathVariable long id, Model model) {
		Activation prepared = this.incidents.prepare(id);
		model.addAttribute("activationForm", ActivationForm.of(prepared));
		return activationPage(id, model);
	}

	/**
	 * The alert's text filled in again for the scope now chosen, nothing sent: the
	 * template's {@code {location}} names the places actually alerted.
	 */
	@PostMapping(path = "/crisis/plans/{id:\\d+}/activate", params = "refill")
	String refill(@PathVariable long id, @Valid @ModelAttribute ActivationForm activationForm, BindingResult result,
			Model model) {
		Activation chosen = activationForm.toActivation();
		Activation refilled = this.incidents.prepare(id, chosen.scope());
		ActivationForm form = ActivationForm.of(refilled);
		form.setDrill(activationForm.isDrill());
		model.addAttribute("activationForm", form);
		return activationPage(id, model);
	}

	@PostMapping("/crisis/plans/{id:\\d+}/activate")
	String activate(@PathVariable long id, @Valid @ModelAttribute ActivationForm activationForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return activationPage(id, model);
		}
		if (!activationForm.reachShownForScope()) {
			// Ticked other places or departments since the count was shown: show
			// whom it reaches now, and send nothing until confirmed again.
			model.addAttribute("reachChanged", true);
			return activationPage(id, model);
		}
		try {
			OpenedIncident opened = this.incidents.activate(id, activationForm.toActivation());
			redirect.addFlashAttribute("flashSuccess", "crisis.incident.opened");
			return "redirect:/crisis/incidents/" + opened.id();
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return activationPage(id, model);
		}
	}

	@GetMapping("/crisis/incidents/{id:\\d+}")
	String show(@PathVariable long id, Model model, HttpServletRequest request) {
		return incidentPage(id, model, request);
	}

	@PostMapping("/crisis/incidents/{id:\\d+}/updates")
	String postUpdate(@PathVariable long id, @Valid @ModelAttribute UpdateForm updateForm, BindingResult result,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return incidentPage(id, model, request);
		}
		try {
			this.response.postUpdate(id, updateForm.toUpdate());
			redirect.addFlashAttribute("flashSuccess", "crisis.update.posted");
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return incidentPage(id, model, request);
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		return "redirect:/crisis/incidents/" + id;
	}

	/**
	 * The roster alone, which the page fetches every few seconds.
	 */
	@GetMapping("/crisis/incidents/{id:\\d+}/roster")
	String roster(@PathVariable long id, Model model) {
		model.addAttribute("incident", this.roster.find(id));
		return "crisis/incident :: roster";
	}

	@PostMapping("/crisis/incidents/{id:\\d+}/check-in")
	String checkIn(@PathVariable long id, @RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "returnTo", required = false) String returnTo, RedirectAttributes redirect) {
		try {
			this.incidents.checkIn(id, parse(status), note);
			redirect.addFlashAttribute("flashSuccess", "crisis.checkIn.recorded");
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:" + LocalPaths.safe(returnTo).orElse("/feed");
	}

	/**
	 * The confirmation step before resolving: the all-clear as it will go out, to how
	 * many people, with a button that sends it.
	 */
	@GetMapping("/crisis/incidents/{id:\\d+}/resolve")
	String confirmResolve(@PathVariable long id, Model model, RedirectAttributes redirect) {
		IncidentView incident = this.roster.find(id);
		if (!incident.open()) {
			redirect.addFlashAttribute("flashError", "crisis.incident.alreadyResolved");
			return "redirect:/crisis/incidents/" + id;
		}
		model.addAttribute("allClearForm", UpdateForm.of(this.incidents.prepareAllClear(id)));
		return resolvePage(incident, model);
	}

	@PostMapping("/crisis/incidents/{id:\\d+}/resolve")
	String resolve(@PathVariable long id, @ModelAttribute("allClearForm") UpdateForm allClearForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			this.incidents.resolve(id, allClearForm.toUpdate());
			redirect.addFlashAttribute("flashSuccess", "crisis.incident.resolved");
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		catch (InvalidChange refused) {
			// The all-clear cannot go out as written: the incident stays open, and
			// the confirmation says what to fix.
			Rejections.addTo(result, refused);
			return resolvePage(this.roster.find(id), model);
		}
		return "redirect:/crisis/incidents/" + id;
	}

	private String resolvePage(IncidentView incident, Model model) {
		model.addAttribute("incident", incident);
		return "crisis/resolve";
	}

	static CheckInStatus parse(String status) {
		if ("SAFE".equals(status)) {
			return CheckInStatus.SAFE;
		}
		if ("NEED_HELP".equals(status)) {
			return CheckInStatus.NEED_HELP;
		}
		return null;
	}

	// Only a path on this site: never another host, nor a scheme-relative URL.
	@PostMapping("/crisis/incidents/{id:\\d+}/steps/{step:\\d+}")
	String tick(@PathVariable long id, @PathVariable int step, RedirectAttributes redirect) {
		try {
			this.response.tick(id, step);
			redirect.addFlashAttribute("flashSuccess", "crisis.checklist.ticked");
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/crisis/incidents/" + id;
	}

	@PostMapping("/crisis/incidents/{id:\\d+}/renotify")
	String renotify(@PathVariable long id, RedirectAttributes redirect) {
		try {
			int reminded = this.response.renotify(id);
			redirect.addFlashAttribute("flashSuccess", "crisis.renotify.sent");
			redirect.addFlashAttribute("renotified", reminded);
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		return "redirect:/crisis/incidents/" + id;
	}

	private String incidentPage(long id, Model model, HttpServletRequest request) {
		IncidentView incident = this.roster.find(id);
		boolean runs = Callers.hasAnyRole(Role.COMMS_MANAGER, Role.ADMIN);
		model.addAttribute("incident", incident);
		model.addAttribute("timeline", this.response.timeline(id));
		model.addAttribute("checklist", this.response.checklist(id));
		model.addAttribute("runs", runs);
		if (incident.open() && runs && !model.containsAttribute("updateForm")) {
			model.addAttribute("updateForm", UpdateForm.of(this.response.prepareUpdate(id)));
		}
		return "crisis/incident";
	}

	private String activationPage(long id, Model model) {
		PlanView plan = this.plans.find(id).orElseThrow(() -> new PlanNotFound(id));
		ActivationForm form = (ActivationForm) model.getAttribute("activationForm");
		model.addAttribute("reach", this.incidents.reach(form.toActivation().scope()));
		form.setCountedScope(form.scopeKey());
		model.addAttribute("plan", plan);
		model.addAttribute("locations", this.directory.locationOptions());
		model.addAttribute("departments", this.directory.departmentOptions());
		return "crisis/activate";
	}

}
