package io.herald.config;

import io.herald.demo.DemoAccounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. In demo mode it lists the demo accounts; otherwise it lists nothing.
 */
@Controller
class LoginController {

	private final ObjectProvider<DemoAccounts> demoAccounts;

	LoginController(ObjectProvider<DemoAccounts> demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	@GetMapping("/login")
	String login(Authentication authentication,
			@RequestParam(name = "throttled", required = false) String throttledMinutes, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (throttledMinutes != null) {
			model.addAttribute("throttledMinutes", minutes(throttledMinutes));
		}
		this.demoAccounts.ifAvailable((demo) -> {
			model.addAttribute("demoLogins", demo.logins());
			model.addAttribute("demoPassword", demo.password());
		});
		return "login";
	}

	// Whatever the address bar says, the page shows a sensible number of minutes.
	private static int minutes(String typed) {
		try {
			return Math.max(1, Math.min(60, Integer.parseInt(typed)));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
