package io.herald.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Security failures on the API as problem details, never an HTML page or a stack trace.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		String detail = (failure instanceof LockedException)
				? "Too many failed sign-in attempts for this account. Wait for the cooling-off period and try again."
				: "Sign in with HTTP Basic: your e-mail address and password.";
		response.setHeader("WWW-Authenticate", "Basic realm=\"Herald\"");
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your roles do not allow this.");
	}

	void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN,
				"An administrator reset your password: sign in with the browser and choose a new one first.");
	}

	void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		write(request.getRequestURI(), response, tooLarge(limit));
	}

	static ProblemDetail tooLarge(long limit) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + readable(limit) + ".");
	}

	/**
	 * An error with no more to say than its status, for the request to {@code path}.
	 */
	void status(String path, HttpServletResponse response, HttpStatus status) throws IOException {
		write(path, response, ProblemDetail.forStatus(status));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request.getRequestURI(), response, ProblemDetail.forStatusAndDetail(status, detail));
	}

	private void write(String path, HttpServletResponse response, ProblemDetail problem) throws IOException {
		instance(path, problem);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The path as the problem's instance, when it is a valid URI reference (a path the
	 * firewall refused may not be).
	 */
	private static void instance(String path, ProblemDetail problem) {
		if (path == null) {
			return;
		}
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException ex) {
			// left out
		}
	}

	private static String readable(long bytes) {
		long mb = 1024 * 1024;
		return (bytes % mb == 0) ? (bytes / mb) + " MB" : (bytes / 1024) + " KB";
	}

}
