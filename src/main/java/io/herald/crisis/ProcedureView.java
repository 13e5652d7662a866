package io.herald.crisis;

import java.time.Instant;
import java.util.List;

/**
 * A support procedure: its Markdown, the same as safe HTML, and whom to contact in order.
 */
public record ProcedureView(long id, String title, String body, String html, List<Person> contacts, Instant updatedAt,
		long version) {

}
