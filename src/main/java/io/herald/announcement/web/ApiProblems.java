package io.herald.announcement.web;

import java.net.URI;
import java.util.List;

import io.herald.shared.InvalidChange.Problem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Problem details for the announcement and feed API, worded from the message bundle:
 * {@code errors: [{field, message}]} with the API's field names.
 */
@Component
class ApiProblems {

	static final URI INVALID = URI.create("https://herald.example/problems/invalid-announcement");

	static final URI REFUSED = URI.create("https://herald.example/problems/announcement-refused");

	static final URI NOT_ALLOWED = URI.create("https://herald.example/problems/channel-not-allowed");

	static final URI NOT_FOUND = URI.create("https://herald.example/problems/announcement-not-found");

	static final URI INVALID_FEED_REQUEST = URI.create("https://herald.example/problems/invalid-feed-request");

	/**
	 * One error: the request field it is about ({@code null} for the request as a whole)
	 * and what to do about it.
	 */
	record FieldProblem(String field, String message) {

	}

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<ProblemDetail> invalid(List<Problem> problems) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "The announcement has problems",
				message("announcement.api.invalid"), problems);
	}

	ResponseEntity<ProblemDetail> invalidFeedRequest(List<Problem> problems) {
		return problem(HttpStatus.BAD_REQUEST, INVALID_FEED_REQUEST, "Bad feed request", message("feed.api.invalid"),
				problems);
	}

	ResponseEntity<ProblemDetail> refused(List<Problem> problems) {
		return problem(HttpStatus.CONFLICT, REFUSED, "Refused in this state", message(problems.get(0)), problems);
	}

	ResponseEntity<ProblemDetail> forbidden(String code) {
		return problem(HttpStatus.FORBIDDEN, NOT_ALLOWED, "Not allowed", message(code), List.of());
	}

	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", message("announcement.api.notFound"), List.of());
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail,
			List<Problem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		if (!problems.isEmpty()) {
			problem.setProperty("errors",
					problems.stream().map((p) -> new FieldProblem(apiField(p.field()), message(p))).toList());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(Problem problem) {
		return this.messages.getMessage(problem.code(), problem.arguments(), problem.code(),
				LocaleContextHolder.getLocale());
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	/**
	 * The service names fields as the authoring form does; the API as its JSON does.
	 */
	static String apiField(String field) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "channelId" -> "channel";
			case "departmentIds" -> "departments";
			case "locationIds" -> "locations";
			default -> field;
		};
	}

}
