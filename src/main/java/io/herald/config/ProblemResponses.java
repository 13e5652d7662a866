package io.herald.config;

import java.io.IOException;
import java.net.URI;

import io.herald.account.SignInThrottled;
import io.herald.account.TokenRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Security failures on the API as problem details, never an HTML page or a stack trace.
 */
@Component
class ProblemResponses {

	static final URI CROSS_SITE = URI.create("https://herald.example/problems/cross-site-request");

	static final URI THROTTLED = URI.create("https://herald.example/problems/sign-in-throttled");

	static final URI TOKEN_REFUSED = URI.create("https://herald.example/problems/token-refused");

	static final URI UNSUPPORTED_TYPE = URI.create("https://herald.example/problems/unsupported-content-type");

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof SignInThrottled throttled) {
			long seconds = Math.max(1, throttled.retryAfter().toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, THROTTLED, "Too many failed sign-in attempts",
					"Too many failed sign-in attempts from this address. Try again in " + seconds + " seconds.");
			return;
		}
		if (failure instanceof TokenRefused) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"Herald\", error=\"invalid_token\"");
			write(request, response, HttpStatus.UNAUTHORIZED, TOKEN_REFUSED, "Token refused",
					"The personal access token is unknown, expired or revoked. Create a new one on your account page.");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Herald\"");
		response.addHeader("WWW-Authenticate", "Bearer realm=\"Herald\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "Sign in with a personal access token "
				+ "(Authorization: Bearer) or HTTP Basic: your e-mail address and password.");
	}

	void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, CROSS_SITE, "Cross-site request",
				"Requests sent by a browser on behalf of another site are refused.");
	}

	void unsupportedContentType(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_TYPE, "Unsupported content type",
				"Send the body as application/json (the directory import takes text/csv); "
						+ "form and plain-text bodies are refused.");
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

	void nulCharacter(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.BAD_REQUEST, "Text may not contain NUL characters.");
	}

	/**
	 * An error with no more to say than its status, for the request to {@code path}.
	 */
	void status(String path, HttpServletResponse response, HttpStatus status) throws IOException {
		write(path, response, ProblemDetail.forStatus(status));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, status, null, null, detail);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String title, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (type != null) {
			problem.setType(type);
			problem.setTitle(title);
		}
		write(request.getRequestURI(), response, problem);
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
