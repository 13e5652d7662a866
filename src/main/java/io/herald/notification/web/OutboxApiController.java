package io.herald.notification.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herald.notification.OutboxEntry;
import io.herald.notification.OutboxQueries;
import io.herald.notification.OutboxSlice;

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
 * {@code GET /api/v1/admin/outbox?status=&kind=&q=&cursor=}, for administrators: the
 * outbox newest first, a hundred at a time, with how many e-mails match in all. The
 * cursor is the {@code next} of the previous page. A status, kind or cursor that is not
 * one is a 400 problem naming the field.
 */
@RestController
class OutboxApiController {

	static final URI INVALID = URI.create("https://herald.example/problems/invalid-outbox-request");

	private final OutboxQueries queries;

	private final MessageSource messages;

	OutboxApiController(OutboxQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	record Item(long id, String to, String subject, String kind, String status, int attempts, String lastError,
			Instant createdAt) {

		static Item of(OutboxEntry entry) {
			return new Item(entry.id(), entry.recipientEmail(), entry.subject(), entry.kind(), entry.status().name(),
					entry.attempts(), entry.lastError(), entry.createdAt());
		}

	}

	record ItemPage(List<Item> items, long total, String next) {

	}

	record FieldProblem(String field, String message) {

	}

	@GetMapping("/api/v1/admin/outbox")
	ResponseEntity<?> list(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "cursor", required = false) String cursor) {
		OutboxFilterParams params = new OutboxFilterParams(status, kind, q);
		List<FieldProblem> problems = new ArrayList<>();
		params.problems()
			.forEach((problem) -> problems.add(new FieldProblem(problem.field(), message(problem.code()))));
		Long after = cursor(cursor);
		if (cursor != null && !cursor.isBlank() && after == null) {
			problems.add(new FieldProblem("cursor", message("outbox.filter.badCursor")));
		}
		if (!problems.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					message("outbox.api.invalid"));
			problem.setType(INVALID);
			problem.setTitle("Bad outbox request");
			problem.setProperty("errors", problems);
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		OutboxSlice slice = this.queries.after(params.filter(), after, OutboxQueries.PAGE_SIZE);
		return ResponseEntity.ok(new ItemPage(slice.items().stream().map(Item::of).toList(), slice.total(),
				(slice.next() != null) ? slice.next().toString() : null));
	}

	private static Long cursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(cursor.strip());
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
