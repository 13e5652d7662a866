package io.herald.account.web;

import io.herald.account.InvitationService;
import io.herald.account.InvitationStatus;
import io.herald.account.InvitationUnusable;
import io.herald.account.InvitationView;
import io.herald.account.PasswordPolicyViolation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public set-password page an invitation link leads to. A link that no longer works
 * gets a page saying why, with the status code to match.
 */
@Controller
@RequestMapping("/invitation/{token}")
class InvitationController {

	private static final String VIEW = "invitations/show";

	private static final String UNUSABLE = "invitations/unusable";

	private final InvitationService invitations;

	InvitationController(InvitationService invitations) {
		this.invitations = invitations;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		InvitationView invitation = this.invitations.lookup(token);
		if (!invitation.valid()) {
			return unusable(invitation.status(), model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("invitation", invitation);
		model.addAttribute("invitationForm", new InvitationForm());
		return VIEW;
	}

	@PostMapping
	String accept(@PathVariable String token, @Valid @ModelAttribute InvitationForm invitationForm,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		InvitationView invitation = this.invitations.lookup(token);
		if (!invitation.valid()) {
			return unusable(invitation.status(), model, response);
		}
		if (!result.hasFieldErrors("newPassword")
				&& !invitationForm.getNewPassword().equals(invitationForm.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.invitations.accept(token, invitationForm.getNewPassword());
				redirect.addFlashAttribute("flashSuccess", "invitation.accepted");
				return "redirect:/login";
			}
			catch (PasswordPolicyViolation violation) {
				violation.codes().forEach((code) -> result.rejectValue("newPassword", code));
			}
			catch (InvitationUnusable unusable) {
				return unusable(unusable.status(), model, response);
			}
		}
		model.addAttribute("token", token);
		model.addAttribute("invitation", invitation);
		return VIEW;
	}

	private static String unusable(InvitationStatus status, Model model, HttpServletResponse response) {
		response.setStatus(
				(status == InvitationStatus.UNKNOWN) ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		model.addAttribute("status", status);
		return UNUSABLE;
	}

}
