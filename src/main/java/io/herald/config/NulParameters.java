package io.herald.config;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No text Herald looks for may contain NUL: PostgreSQL refuses it in every text value, so
 * a search box carrying one would fail as a 500 deep inside. A request with NUL in its
 * query string is a 400 before it reaches anything. What people type into forms and JSON
 * bodies is checked field by field ({@code @SingleLine}, {@code @MultiLine}), so the form
 * can say which field.
 */
class NulParameters extends OncePerRequestFilter {

	private final ProblemResponses problems;

	NulParameters(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				this.problems.nulCharacter(request, response);
			}
			else {
				response.sendError(HttpStatus.BAD_REQUEST.value());
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
