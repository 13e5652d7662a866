package io.herald.tracking.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Problem details for the receipts and tracking API, worded from the message bundle, with
 * the same types and request rules as the announcement API.
 */
@Component
class TrackingApiProblems {

	static final URI REFUSED = URI.create("https://herald.example/problems/announcement-refused");

	static final URI NOT_FOUND = URI.create("https://herald.example/problems/announcement-not-found");

	static final URI FORGED = URI.create("https://herald.example/problems/cross-site-request");

	// Browsers fetching cross-site say so; API clients send no such header.
	private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

	private final MessageSource messages;

	TrackingApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "announcement.api.notFound");
	}

	ResponseEntity<ProblemDetail> refused(String code) {
		return problem(HttpStatus.CONFLICT, REFUSED, "Refused in this state", code);
	}

	ResponseEntity<ProblemDetail> crossSiteRefused() {
		return problem(HttpStatus.FORBIDDEN, FORGED, "Cross-site request", "announcement.api.crossSite");
	}

	/**
	 * As in the announcement API: the API takes no CSRF token, so a changing call without
	 * a body is refused when a browser says another site sent it, and a body, if any,
	 * must be JSON (which no other site can send without a preflight).
	 * @throws HttpMediaTypeNotSupportedException (415) for a body that is not JSON
	 */
	void requireJsonOrNoBody(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank()) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (IllegalArgumentException ex) {
				type = MediaType.APPLICATION_OCTET_STREAM;
			}
			if (!MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
				throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
						HttpMethod.POST);
			}
		}
	}

	static boolean crossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site != null && !SAME_SITE.contains(site);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
		problem.setType(type);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
