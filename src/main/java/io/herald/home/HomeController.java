package io.herald.home;

import io.herald.account.AccountService;
import io.herald.account.HeraldUser;
import io.herald.account.Role;
import io.herald.directory.EmployeeDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Home fits the role: everyone sees themselves and their manager; communications managers
 * see whom they can reach, HR the shape of the directory, administrators the state of
 * accounts.
 */
@Controller
class HomeController {

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	HomeController(EmployeeDirectory directory, AccountService accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal HeraldUser user, Model model) {
		model.addAttribute("roles", user.roles());
		this.directory.findProfile(user.employeeId()).ifPresent((profile) -> model.addAttribute("profile", profile));
		if (user.hasRole(Role.HR) || user.hasRole(Role.COMMS_MANAGER)) {
			model.addAttribute("headcount", this.directory.headcount());
		}
		if (user.hasRole(Role.ADMIN)) {
			model.addAttribute("accountOverview", this.accounts.overview());
		}
		return "home/index";
	}

}
