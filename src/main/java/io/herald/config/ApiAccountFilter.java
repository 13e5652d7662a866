package io.herald.config;

import java.io.IOException;

import io.herald.account.HeraldUser;
import io.herald.account.SessionGuard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's side of a password reset: a temporary password opens the browser's
 * change-password page and nothing else, so over HTTP Basic it is refused until the
 * person has chosen their own.
 */
class ApiAccountFilter extends OncePerRequestFilter {

	private final SessionGuard guard;

	private final ProblemResponses problems;

	ApiAccountFilter(SessionGuard guard, ProblemResponses problems) {
		this.guard = guard;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HeraldUser user
				&& verdict(authentication, user) != SessionGuard.Verdict.CONTINUE) {
			this.problems.passwordChangeRequired(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	// A personal access token's sign-in read the account in this very request and left
	// its verdict; HTTP Basic and sessions are checked here.
	private SessionGuard.Verdict verdict(Authentication authentication, HeraldUser user) {
		if (authentication.getDetails() instanceof SessionGuard.Verdict verdict) {
			return verdict;
		}
		return this.guard.check(user);
	}

}
