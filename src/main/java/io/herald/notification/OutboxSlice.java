package io.herald.notification;

import java.util.List;

/**
 * A page of the outbox for API clients, newest first: the e-mails after a cursor, how
 * many match the filter in all, and the cursor of the next page ({@code null} on the
 * last).
 */
public record OutboxSlice(List<OutboxEntry> items, long total, Long next) {

}
