package io.herald.escalation.web;

import java.util.List;

import io.herald.announcement.Priority;
import io.herald.channel.Channels;
import io.herald.escalation.EscalationPolicies;
import io.herald.escalation.OffsetDirection;
import io.herald.escalation.OffsetUnit;
import io.herald.escalation.PolicyNotFound;
import io.herald.escalation.PolicyView;
import io.herald.escalation.StepAction;
import io.herald.escalation.StepAnchor;
import io.herald.escalation.StepMedium;
import io.herald.shared.InvalidChange;

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
 * Escalation policies for administrators: the default of each priority and the channels'
 * overrides; edit steps, give a channel its own policy (a copy of the default to start
 * from), or remove it again.
 */
@Controller
class PolicyController {

	private final EscalationPolicies policies;

	private final Channels channels;

	PolicyController(EscalationPolicies policies, Channels channels) {
		this.policies = policies;
		this.channels = channels;
	}

	@GetMapping("/admin/policies")
	String list(Model model) {
		List<PolicyView> all = this.policies.all();
		model.addAttribute("defaults", all.stream().filter(PolicyView::isDefault).toList());
		model.addAttribute("overrides", all.stream().filter((policy) -> !policy.isDefault()).toList());
		model.addAttribute("channels", this.channels.all().stream().filter((c) -> !c.archived()).toList());
		model.addAttribute("priorities", Priority.values());
		return "escalation-policies/list";
	}

	@PostMapping("/admin/policies/overrides")
	String createOverride(@RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Priority priority, RedirectAttributes redirect) {
		try {
			if (channelId == null) {
				throw new InvalidChange("channelId", "policies.override.channelRequired");
			}
			long id = this.policies.createOverride(channelId, priority);
			redirect.addFlashAttribute("flashSuccess", "policies.override.created");
			return "redirect:/admin/policies/" + id;
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
			return "redirect:/admin/policies";
		}
	}

	@GetMapping("/admin/policies/{id:\\d+}")
	String edit(@PathVariable long id, Model model) {
		PolicyView policy = policy(id);
		model.addAttribute("policyForm", PolicyForm.of(policy));
		return form(model, policy);
	}

	@PostMapping("/admin/policies/{id:\\d+}")
	String save(@PathVariable long id, @Valid @ModelAttribute PolicyForm policyForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PolicyView policy = policy(id);
		if (result.hasErrors()) {
			return form(model, policy);
		}
		try {
			this.policies.change(policyForm.toChange(id));
		}
		catch (InvalidChange refused) {
			for (InvalidChange.Problem problem : refused.problems()) {
				if (problem.field() != null) {
					result.rejectValue(problem.field(), problem.code(), problem.arguments(), null);
				}
				else {
					result.reject(problem.code(), problem.arguments(), null);
				}
			}
			return form(model, policy);
		}
		redirect.addFlashAttribute("flashSuccess", "policies.saved");
		return "redirect:/admin/policies";
	}

	@PostMapping("/admin/policies/{id:\\d+}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.policies.removeOverride(id);
			redirect.addFlashAttribute("flashSuccess", "policies.override.removed");
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/admin/policies";
	}

	private String form(Model model, PolicyView policy) {
		model.addAttribute("policy", policy);
		model.addAttribute("units", OffsetUnit.values());
		model.addAttribute("directions", OffsetDirection.values());
		model.addAttribute("anchors", StepAnchor.values());
		model.addAttribute("actions", StepAction.values());
		model.addAttribute("media", StepMedium.values());
		return "escalation-policies/edit";
	}

	private PolicyView policy(long id) {
		return this.policies.find(id).orElseThrow(() -> new PolicyNotFound(id));
	}

}
