package io.herald.account.web;

import java.util.Set;

import io.herald.account.HeraldUser;
import io.herald.shared.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class MeApiController {

	record Me(long id, String email, String name, Set<Role> roles) {

	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal HeraldUser user) {
		return new Me(user.employeeId(), user.email(), user.getDisplayName(), user.roles());
	}

}
