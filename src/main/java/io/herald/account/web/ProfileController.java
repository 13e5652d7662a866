package io.herald.account.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import io.herald.account.AccountService;
import io.herald.account.CreatedAccessToken;
import io.herald.account.HeraldUser;
import io.herald.account.PasswordPolicyViolation;
import io.herald.account.PersonalAccessTokens;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.InvalidDirectoryChange;
import io.herald.directory.Languages;
import io.herald.directory.OwnDetails;
import io.herald.notification.NotificationMode;
import io.herald.notification.NotificationPreferences;
import io.herald.shared.InvalidChange;
import io.herald.shared.Zones;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own page: their details in the directory (the ones they may
 * change), how they hear about notifications, their password and their personal access
 * tokens for the API.
 */
@Controller
class ProfileController {

	private static final String VIEW = "profile/show";

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	private final NotificationPreferences notificationPreferences;

	private final PersonalAccessTokens tokens;

	ProfileController(EmployeeDirectory directory, AccountService accounts,
			NotificationPreferences notificationPreferences, PersonalAccessTokens tokens) {
		this.directory = directory;
		this.accounts = accounts;
		this.notificationPreferences = notificationPreferences;
		this.tokens = tokens;
	}

	@GetMapping("/me")
	String show(@AuthenticationPrincipal HeraldUser user, Model model) {
		EmployeeProfile profile = addProfile(user, model);
		model.addAttribute("ownDetailsForm", OwnDetailsForm.of(profile));
		model.addAttribute("passwordForm", new PasswordForm());
		return VIEW;
	}

	@PostMapping("/me/details")
	String changeDetails(@AuthenticationPrincipal HeraldUser user, @Valid @ModelAttribute OwnDetailsForm ownDetailsForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		ZoneId zone = Zones.parse(ownDetailsForm.getTimeZone()).orElse(null);
		if (zone == null) {
			result.rejectValue("timeZone", "directory.timeZone.invalid");
		}
		if (!result.hasErrors()) {
			try {
				this.directory.changeOwnDetails(user.employeeId(), new OwnDetails(ownDetailsForm.getPreferredName(),
						ownDetailsForm.getPhone(), ownDetailsForm.getMobile(), zone, ownDetailsForm.getLanguage()));
				// Time zone, language and name live in the session's principal: refresh
				// it.
				this.accounts.refreshSignedInUser(request, response);
				redirect.addFlashAttribute("flashSuccess", "profile.details.saved");
				return "redirect:/me";
			}
			catch (InvalidDirectoryChange refused) {
				refused.problems().forEach((problem) -> result.rejectValue(problem.field(), problem.code()));
			}
		}
		addProfile(user, model);
		model.addAttribute("passwordForm", new PasswordForm());
		return VIEW;
	}

	@PostMapping("/me/notifications")
	String changeNotifications(@AuthenticationPrincipal HeraldUser user,
			@Valid @ModelAttribute NotificationForm notificationForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		NotificationMode mode = Arrays.stream(NotificationMode.values())
			.filter((candidate) -> candidate.name().equals(notificationForm.getMode()))
			.findFirst()
			.orElse(null);
		if (mode == null || result.hasErrors()) {
			if (!result.hasFieldErrors("mode")) {
				result.rejectValue("mode", "preferences.mode.invalid");
			}
			EmployeeProfile profile = addProfile(user, model);
			model.addAttribute("ownDetailsForm", OwnDetailsForm.of(profile));
			model.addAttribute("passwordForm", new PasswordForm());
			return VIEW;
		}
		this.notificationPreferences.changeMine(mode);
		redirect.addFlashAttribute("flashSuccess", "preferences.saved");
		return "redirect:/me";
	}

	@PostMapping("/me/password")
	String changePassword(@AuthenticationPrincipal HeraldUser user, @Valid @ModelAttribute PasswordForm passwordForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("newPassword")
				&& !passwordForm.getNewPassword().equals(passwordForm.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				switch (this.accounts.changeOwnPassword(user, passwordForm.getCurrentPassword(),
						passwordForm.getNewPassword(), request.getRemoteAddr())) {
					case CHANGED -> {
						this.accounts.keepSessionAfterPasswordChange(request, response);
						redirect.addFlashAttribute("flashSuccess", "password.changed");
						return "redirect:/me";
					}
					case WRONG_CURRENT_PASSWORD -> result.rejectValue("currentPassword", "password.current.wrong");
					case COOLING_OFF -> result.rejectValue("currentPassword", "password.current.throttled");
				}
			}
			catch (PasswordPolicyViolation violation) {
				violation.codes().forEach((code) -> result.rejectValue("newPassword", code));
			}
		}
		EmployeeProfile profile = addProfile(user, model);
		model.addAttribute("ownDetailsForm", OwnDetailsForm.of(profile));
		return VIEW;
	}

	/**
	 * Creates a token and shows its secret once: it travels in a flash attribute to the
	 * page the redirect lands on, and is gone on the next load.
	 */
	@PostMapping("/me/tokens")
	String createToken(@AuthenticationPrincipal HeraldUser user, @ModelAttribute TokenForm tokenForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Integer days = null;
		String typed = (tokenForm.getExpiresInDays() != null) ? tokenForm.getExpiresInDays().strip() : "";
		if (!typed.isEmpty()) {
			try {
				days = Integer.valueOf(typed);
			}
			catch (NumberFormatException ex) {
				result.rejectValue("expiresInDays", "tokens.expiresInDays.range",
						new Object[] { PersonalAccessTokens.MAX_DAYS }, null);
			}
		}
		if (!result.hasErrors()) {
			try {
				CreatedAccessToken created = this.tokens.create(user, tokenForm.getName(), days);
				redirect.addFlashAttribute("createdToken", created);
				redirect.addFlashAttribute("flashSuccess", "tokens.created");
				return "redirect:/me";
			}
			catch (InvalidChange refused) {
				refused.problems().forEach((problem) -> {
					if (problem.field() == null) {
						result.reject(problem.code(), problem.arguments(), null);
					}
					else {
						result.rejectValue(problem.field(), problem.code(), problem.arguments(), null);
					}
				});
			}
		}
		EmployeeProfile profile = addProfile(user, model);
		model.addAttribute("ownDetailsForm", OwnDetailsForm.of(profile));
		model.addAttribute("passwordForm", new PasswordForm());
		return VIEW;
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal HeraldUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (this.tokens.revokeMine(user, id)) {
			redirect.addFlashAttribute("flashSuccess", "tokens.revoked");
		}
		else {
			redirect.addFlashAttribute("flashError", "tokens.notFound");
		}
		return "redirect:/me";
	}

	private EmployeeProfile addProfile(HeraldUser user, Model model) {
		EmployeeProfile profile = this.directory.findProfile(user.employeeId()).orElseThrow();
		model.addAttribute("profile", profile);
		model.addAttribute("languages", Languages.SUPPORTED);
		model.addAttribute("notificationModes", NotificationMode.values());
		if (!model.containsAttribute("notificationForm")) {
			model.addAttribute("notificationForm", NotificationForm.of(this.notificationPreferences.mine()));
		}
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", new TokenForm());
		}
		model.addAttribute("tokens", this.tokens.mine(user));
		model.addAttribute("maxTokenDays", PersonalAccessTokens.MAX_DAYS);
		return profile;
	}

}
