package io.herald.notification.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.herald.notification.Inbox;
import io.herald.notification.InboxEntry;
import io.herald.notification.InboxPage;
import io.herald.notification.NotificationKind;
import io.herald.notification.NotificationNotFound;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notifications for API clients, newest first, a page at a time: pass
 * the {@code next} of one page as the {@code cursor} of the following one; {@code next}
 * is {@code null} on the last page. {@code size} is 20 unless given, at most
 * {@link Inbox#MAX_PAGE}; a cursor this API did not give out or a size out of range is a
 * 400 problem naming the field. {@code title} is the notification's sentence in the
 * caller's language, {@code link} a path inside Herald. Listing marks nothing read;
 * {@code POST …/{id}/read} and {@code POST …/read-all} do (204, idempotent; someone
 * else's notification is 404, like one that does not exist), taking no body or JSON and
 * refusing a browser's cross-site request like every changing call of the API.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	static final int DEFAULT_SIZE = 20;

	static final URI INVALID = URI.create("https://herald.example/problems/invalid-notifications-request");

	static final URI NOT_FOUND = URI.create("https://herald.example/problems/notification-not-found");

	private final Inbox inbox;

	private final MessageSource messages;

	NotificationApiController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	/**
	 * One notification; {@code subject} holds the words of {@code title} that vary (a
	 * post's title), {@code detail} optional further lines.
	 */
	record Item(long id, NotificationKind kind, String title, String subject, String detail, String link,
			boolean critical, Instant createdAt, boolean read) {

	}

	record ItemPage(List<Item> items, String next) {

	}

	record FieldProblem(String field, String message) {

	}

	@GetMapping
	ResponseEntity<?> page(@RequestParam(required = false) String cursor, @RequestParam(required = false) String size) {
		String after = (cursor != null && !cursor.isBlank()) ? cursor.strip() : null;
		int pageSize = pageSize(size);
		List<FieldProblem> problems = new ArrayList<>();
		if (after != null && !Inbox.isCursor(after)) {
			problems.add(new FieldProblem("cursor", message("notifications.api.cursor.invalid")));
		}
		if (pageSize < 1 || pageSize > Inbox.MAX_PAGE) {
			problems.add(new FieldProblem("size", message("notifications.api.size.invalid", Inbox.MAX_PAGE)));
		}
		if (!problems.isEmpty()) {
			ResponseEntity<ProblemDetail> invalid = problem(HttpStatus.BAD_REQUEST, INVALID,
					"Bad notifications request", "notifications.api.invalid");
			invalid.getBody().setProperty("errors", problems);
			return invalid;
		}
		InboxPage page = this.inbox.page(after, pageSize);
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity
			.ok(new ItemPage(page.entries().stream().map((entry) -> item(entry, locale)).toList(), page.next()));
	}

	@PostMapping("/{id:\\d+}/read")
	ResponseEntity<?> markRead(@PathVariable long id) {
		this.inbox.markRead(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	ResponseEntity<?> markAllRead() {
		this.inbox.markAllRead();
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(NotificationNotFound.class)
	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "notifications.api.notFound");
	}

	private Item item(InboxEntry entry, Locale locale) {
		String title = this.messages.getMessage("notification.kind." + entry.kind(), new Object[] { entry.subject() },
				entry.subject(), locale);
		return new Item(entry.id(), entry.kind(), title, entry.subject(), entry.detail(), entry.link(),
				entry.critical(), entry.createdAt(), entry.read());
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(code));
		problem.setType(type);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	// Taken as text so that "size=ten" gets the same field error as "size=0".
	private static int pageSize(String size) {
		if (size == null || size.isBlank()) {
			return DEFAULT_SIZE;
		}
		try {
			return Integer.parseInt(size.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
