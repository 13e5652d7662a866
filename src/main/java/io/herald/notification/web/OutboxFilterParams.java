package io.herald.notification.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.herald.notification.OutboxFilter;
import io.herald.notification.OutboxQueries;
import io.herald.notification.OutboxStatus;

/**
 * The outbox filter as the page and the API receive it: text that must name a status and
 * a kind. A value that names neither is a problem on its field and is not applied.
 */
record OutboxFilterParams(String status, String kind, String q) {

	static final int LONGEST_QUERY = 200;

	/**
	 * A refused filter value: the field and the message code saying why.
	 */
	record Problem(String field, String code) {

	}

	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (hasText(this.status) && parseStatus() == null) {
			problems.add(new Problem("status", "outbox.filter.badStatus"));
		}
		if (hasText(this.kind) && !OutboxQueries.kinds().contains(this.kind.strip().toUpperCase(Locale.ROOT))) {
			problems.add(new Problem("kind", "outbox.filter.badKind"));
		}
		if (this.q != null && this.q.length() > LONGEST_QUERY) {
			problems.add(new Problem("q", "outbox.filter.tooLong"));
		}
		return problems;
	}

	List<String> badFields() {
		return problems().stream().map(Problem::field).toList();
	}

	/**
	 * The filter with the values that are valid; invalid ones match everything.
	 */
	OutboxFilter filter() {
		List<String> bad = badFields();
		String kindName = (hasText(this.kind) && !bad.contains("kind")) ? this.kind.strip().toUpperCase(Locale.ROOT)
				: null;
		String query = (hasText(this.q) && !bad.contains("q")) ? this.q.strip() : null;
		return new OutboxFilter(parseStatus(), kindName, query);
	}

	private OutboxStatus parseStatus() {
		if (!hasText(this.status)) {
			return null;
		}
		String name = this.status.strip().toUpperCase(Locale.ROOT);
		for (OutboxStatus candidate : OutboxStatus.values()) {
			if (candidate.name().equals(name)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
