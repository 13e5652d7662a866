package io.herald.config;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No text Herald keeps or looks for may contain NUL: PostgreSQL refuses it in every text
 * value, so a search box, a note or a name carrying one would fail as a 500 deep inside.
 * A request with NUL in any query or form parameter is a 400 before it reaches anything.
 * JSON bodies are checked field by field ({@code @SingleLine}, {@code @MultiLine}).
 */
class NulParameters extends OncePerRequestFilter {

	private final ProblemResponses problems;

	NulParameters(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesNul(request.getParameterMap())) {
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

	private static boolean carriesNul(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

}
