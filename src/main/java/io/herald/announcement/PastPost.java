package io.herald.announcement;

import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * An announcement that already went through its life elsewhere (demo history, a move from
 * another tool), recorded as it stands. {@code at} is when it reached {@code status}:
 * created for a draft, submitted for one in review, published for a published or archived
 * one; {@code scheduledAt} is the planned time of a scheduled one, and {@code archivedAt}
 * when an archived one was taken down.
 */
@NamedInterface("api")
public record PastPost(long channelId, long authorId, String title, String summary, String body, Priority priority,
		AnnouncementStatus status, boolean ackRequired, Instant ackDueAt, Set<Long> departmentIds,
		Set<Long> locationIds, Instant pinnedUntil, Instant expiresAt, Instant scheduledAt, Instant at,
		Instant archivedAt) {

	public PastPost {
		departmentIds = (departmentIds != null) ? Set.copyOf(departmentIds) : Set.of();
		locationIds = (locationIds != null) ? Set.copyOf(locationIds) : Set.of();
	}

	boolean wentOut() {
		return this.status == AnnouncementStatus.PUBLISHED || this.status == AnnouncementStatus.ARCHIVED;
	}

}
