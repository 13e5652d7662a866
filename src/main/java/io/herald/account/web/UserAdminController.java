package io.herald.account.web;

import java.util.Map;

import io.herald.account.AccountService;
import io.herald.account.AccountSummary;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators' list of people and their accounts: roles, state, last sign-in.
 */
@Controller
class UserAdminController {

	private static final int PAGE_SIZE = 25;

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	UserAdminController(EmployeeDirectory directory, AccountService accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("lastName", "firstName", "id"));
		Page<EmployeeSummary> people = this.directory.search(query, request);
		Map<Long, AccountSummary> accountsByEmployee = this.accounts
			.accountsOf(people.getContent().stream().map(EmployeeSummary::id).toList());
		model.addAttribute("query", query);
		model.addAttribute("people", people);
		model.addAttribute("accounts", accountsByEmployee);
		model.addAttribute("roles", io.herald.account.Role.values());
		return "users/list";
	}

}
