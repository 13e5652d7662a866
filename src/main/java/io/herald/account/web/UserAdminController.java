package io.herald.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.herald.account.AccountAdministration;
import io.herald.account.AccountChangeRefused;
import io.herald.account.AccountDetails;
import io.herald.account.AccountService;
import io.herald.account.AccountState;
import io.herald.account.AccountSummary;
import io.herald.account.HeraldUser;
import io.herald.account.PersonalAccessTokens;
import io.herald.shared.Role;
import io.herald.account.UserList;
import io.herald.audit.AuditLog;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Administrators' list of people and their accounts, and one person's account with what
 * can be done to it. Every change is a POST that redirects back with a flash message.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final int PAGE_SIZE = 25;

	private static final int HISTORY_SIZE = 20;

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	private final AccountAdministration administration;

	private final AuditLog audit;

	private final UserList users;

	private final PersonalAccessTokens tokens;

	UserAdminController(EmployeeDirectory directory, AccountService accounts, AccountAdministration administration,
			AuditLog audit, UserList users, PersonalAccessTokens tokens) {
		this.users = users;
		this.tokens = tokens;
		this.directory = directory;
		this.accounts = accounts;
		this.administration = administration;
		this.audit = audit;
	}

	@GetMapping
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		List<String> problems = new ArrayList<>();
		Role roleWanted = parse(Role.class, role, "users.filter.badRole", problems);
		AccountState stateWanted = parse(AccountState.class, state, "users.filter.badState", problems);
		Page<Long> ids = this.users.find(query, roleWanted, stateWanted, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		Map<Long, EmployeeSummary> summaries = this.directory.findSummaries(ids.getContent());
		Page<EmployeeSummary> people = new PageImpl<>(
				ids.getContent().stream().map(summaries::get).filter(Objects::nonNull).toList(), ids.getPageable(),
				ids.getTotalElements());
		List<Long> shown = ids.getContent();
		model.addAttribute("query", query);
		model.addAttribute("role", roleWanted);
		model.addAttribute("state", stateWanted);
		model.addAttribute("problems", problems);
		model.addAttribute("states", AccountState.values());
		model.addAttribute("people", people);
		model.addAttribute("accounts", this.accounts.accountsOf(shown));
		model.addAttribute("invitations", this.administration.invitationsOf(shown));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		model.addAttribute("roles", Role.values());
		return "users/list";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String problem, List<String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (E candidate : type.getEnumConstants()) {
			if (candidate.name().equalsIgnoreCase(text.strip())) {
				return candidate;
			}
		}
		problems.add(problem);
		return null;
	}

	@GetMapping("/{employeeId}")
	String show(@PathVariable long employeeId, Model model) {
		AccountDetails details = this.administration.details(employeeId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("details", details);
		model.addAttribute("roles", Role.values());
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		if (details.account() != null) {
			model.addAttribute("tokens", this.tokens.of(employeeId));
			model.addAttribute("history",
					this.audit
						.entriesAbout("account", details.account().id(),
								PageRequest.of(0, HISTORY_SIZE, Sort.by(Sort.Direction.DESC, "occurredAt", "id")))
						.getContent());
		}
		return "users/show";
	}

	@PostMapping("/{employeeId}/roles/{role}/grant")
	String grant(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId, @PathVariable Role role,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.role.granted",
				() -> this.administration.grantRole(admin, employeeId, role));
	}

	@PostMapping("/{employeeId}/roles/{role}/revoke")
	String revoke(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId, @PathVariable Role role,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.role.revoked",
				() -> this.administration.revokeRole(admin, employeeId, role));
	}

	@PostMapping("/{employeeId}/password-reset")
	String resetPassword(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.password.reset", () -> redirect
			.addFlashAttribute("temporaryPassword", this.administration.resetPassword(admin, employeeId)));
	}

	@PostMapping("/{employeeId}/disable")
	String disable(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.disabled", () -> this.administration.disable(admin, employeeId));
	}

	@PostMapping("/{employeeId}/enable")
	String enable(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.enabled", () -> this.administration.enable(admin, employeeId));
	}

	@PostMapping("/{employeeId}/end-sessions")
	String endSessions(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.sessions.ended",
				() -> this.administration.endSessions(admin, employeeId));
	}

	@PostMapping("/{employeeId}/invite")
	String invite(@AuthenticationPrincipal HeraldUser admin, @PathVariable long employeeId,
			RedirectAttributes redirect) {
		return change(employeeId, redirect, "users.invited", () -> this.administration.invite(admin, employeeId));
	}

	@PostMapping("/{employeeId}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long employeeId, @PathVariable long tokenId, RedirectAttributes redirect) {
		if (this.tokens.revokeFor(employeeId, tokenId)) {
			redirect.addFlashAttribute("flashSuccess", "users.tokens.revoked");
		}
		else {
			redirect.addFlashAttribute("flashError", "tokens.notFound");
		}
		return "redirect:/admin/users/" + employeeId;
	}

	private String change(long employeeId, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (AccountChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		return "redirect:/admin/users/" + employeeId;
	}

}
