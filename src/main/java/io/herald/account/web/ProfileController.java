package io.herald.account.web;

import io.herald.account.AccountService;
import io.herald.account.HeraldUser;
import io.herald.account.PasswordPolicyViolation;
import io.herald.directory.EmployeeDirectory;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own page: what the directory says about them, and their
 * password.
 */
@Controller
class ProfileController {

	private static final String VIEW = "profile/show";

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	ProfileController(EmployeeDirectory directory, AccountService accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	@ModelAttribute("passwordForm")
	PasswordForm passwordForm() {
		return new PasswordForm();
	}

	@GetMapping("/me")
	String show(@AuthenticationPrincipal HeraldUser user, Model model) {
		addProfile(user, model);
		return VIEW;
	}

	@PostMapping("/me/password")
	String changePassword(@AuthenticationPrincipal HeraldUser user, @Valid @ModelAttribute PasswordForm passwordForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword")
				&& !passwordForm.getNewPassword().equals(passwordForm.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				if (this.accounts.changeOwnPassword(user, passwordForm.getCurrentPassword(),
						passwordForm.getNewPassword())) {
					redirect.addFlashAttribute("flashSuccess", "password.changed");
					return "redirect:/me";
				}
				result.rejectValue("currentPassword", "password.current.wrong");
			}
			catch (PasswordPolicyViolation violation) {
				violation.codes().forEach((code) -> result.rejectValue("newPassword", code));
			}
		}
		addProfile(user, model);
		return VIEW;
	}

	private void addProfile(HeraldUser user, Model model) {
		this.directory.findProfile(user.employeeId()).ifPresent((profile) -> model.addAttribute("profile", profile));
	}

}
