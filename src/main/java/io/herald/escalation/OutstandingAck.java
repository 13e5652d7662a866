package io.herald.escalation;

import java.time.Instant;

import io.herald.announcement.Priority;

/**
 * A report's acknowledgement still missing, as their manager sees it. {@code depth} is 1
 * for a direct report; {@code nudgedToday} whether someone nudged them about this post
 * today (their local date).
 */
public record OutstandingAck(long announcementId, String title, Priority priority, long employeeId, String name,
		String jobTitle, Instant dueAt, boolean overdue, int depth, boolean nudgedToday) {

}
