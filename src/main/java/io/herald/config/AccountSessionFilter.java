package io.herald.config;

import java.io.IOException;
import java.util.List;

import io.herald.account.HeraldUser;
import io.herald.account.SessionGuard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Ends a browser session at its next request once the account was disabled or its
 * sessions were ended, and keeps a person who must choose a new password on their own
 * page until they have. Sits in the web security chain right after the security context
 * is loaded. Not a bean, so the servlet container does not run it a second time outside
 * the chain.
 */
class AccountSessionFilter extends OncePerRequestFilter {

	private static final List<String> STATIC = List.of("/css/", "/js/", "/images/", "/webjars/", "/favicon.svg");

	// What a person who must change their password may still reach.
	private static final List<String> WHILE_CHANGING = List.of("/me", "/me/password", "/logout", "/error", "/login");

	private final SessionGuard guard;

	AccountSessionFilter(SessionGuard guard) {
		this.guard = guard;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return STATIC.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HeraldUser user) {
			switch (this.guard.check(user)) {
				case ENDED -> {
					SecurityContextHolder.clearContext();
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					response.sendRedirect(request.getContextPath() + "/login?ended");
					return;
				}
				case MUST_CHANGE_PASSWORD -> {
					if (!WHILE_CHANGING.contains(path(request))) {
						FlashMap flash = new FlashMap();
						flash.put("flashError", "password.mustChange");
						flash.setTargetRequestPath(request.getContextPath() + "/me");
						new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
						response.sendRedirect(request.getContextPath() + "/me");
						return;
					}
				}
				case CONTINUE -> {
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
