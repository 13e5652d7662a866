package io.herald.tracking.web;

import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Problem details for the receipts and tracking API, worded from the message bundle, with
 * the same types and request rules as the announcement API.
 */
@Component
class TrackingApiProblems {

	static final URI REFUSED = URI.create("https://herald.example/problems/announcement-refused");

	static final URI NOT_FOUND = URI.create("https://herald.example/problems/announcement-not-found");

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

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
		problem.setType(type);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
