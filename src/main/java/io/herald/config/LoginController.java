package io.herald.config;

import io.herald.account.LoginThrottle;
import io.herald.demo.DemoAccounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. In demo mode it lists the demo accounts; otherwise it lists nothing.
 */
@Controller
class LoginController {

	private final ObjectProvider<DemoAccounts> demoAccounts;

	private final LoginThrottle throttle;

	LoginController(ObjectProvider<DemoAccounts> demoAccounts, LoginThrottle throttle) {
		this.demoAccounts = demoAccounts;
		this.throttle = throttle;
	}

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("coolingOffMinutes", Math.max(1, this.throttle.coolingOff().toMinutes()));
		this.demoAccounts.ifAvailable((demo) -> {
			model.addAttribute("demoLogins", demo.logins());
			model.addAttribute("demoPassword", demo.password());
		});
		return "login";
	}

}
