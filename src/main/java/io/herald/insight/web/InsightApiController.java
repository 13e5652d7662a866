package io.herald.insight.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.herald.insight.Insight;
import io.herald.insight.InsightFilter;
import io.herald.insight.InsightSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/insight/summary?from=&to=}: a period's figures (ISO dates, both days
 * included, in the caller's time zone; the last 30 days by default). A date that is not
 * one or lies outside the years a dashboard covers is a 400, a period that runs backwards
 * or longer than two years a 422, both as problem details with the field.
 */
@RestController
class InsightApiController {

	static final URI INVALID = URI.create("https://herald.example/problems/invalid-insight-request");

	private final Insight insight;

	private final MessageSource messages;

	InsightApiController(Insight insight, MessageSource messages) {
		this.insight = insight;
		this.messages = messages;
	}

	record FieldProblem(String field, String message) {

	}

	@GetMapping("/api/v1/insight/summary")
	ResponseEntity<?> summary(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		InsightFilter defaults = this.insight.defaultFilter();
		List<FilterParams.FieldProblem> problems = new ArrayList<>();
		LocalDate start = FilterParams.date(from, "from", defaults.to(), problems);
		LocalDate end = FilterParams.date(to, "to", defaults.to(), problems);
		if (!problems.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Bad insight request",
					problems.stream().map((p) -> new FieldProblem(p.field(), message(p))).toList());
		}
		if (start == null && end == null) {
			start = defaults.from();
			end = defaults.to();
		}
		else if (start == null) {
			start = end.minusDays(InsightFilter.DEFAULT_DAYS - 1);
		}
		else if (end == null) {
			end = start.plusDays(InsightFilter.DEFAULT_DAYS - 1);
		}
		if (start.isAfter(end)) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The period has problems",
					List.of(new FieldProblem("to", message("insight.filter.toBeforeFrom"))));
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > InsightFilter.LONGEST) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The period has problems",
					List.of(new FieldProblem("from", message("insight.filter.tooLong"))));
		}
		InsightSummary summary = this.insight.summary(new InsightFilter(start, end, null, null, null, null));
		return ResponseEntity.ok(summary);
	}

	private String message(FilterParams.FieldProblem problem) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(problem.field());
		arguments.addAll(problem.arguments());
		return this.messages.getMessage(problem.code(), arguments.toArray(), problem.code(),
				LocaleContextHolder.getLocale());
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message("insight.api.invalid"));
		problem.setType(INVALID);
		problem.setTitle(title);
		problem.setProperty("errors", problems);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
