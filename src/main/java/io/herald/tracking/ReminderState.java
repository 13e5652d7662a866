package io.herald.tracking;

import java.time.Instant;

/**
 * When the non-acknowledgers of a post were last reminded by hand, by whom, how many, and
 * when the next reminder may go. All {@code null} (and available) before the first.
 */
public record ReminderState(Instant lastRemindedAt, String lastRemindedBy, Integer lastReminded, Instant availableAt,
		boolean available) {

}
