package io.herald.insight;

import java.time.Instant;

/**
 * Someone who owes an acknowledgement past its due time.
 */
public record OverduePerson(long employeeId, String name, String email, String location, long announcementId,
		String title, Instant dueAt) {

}
