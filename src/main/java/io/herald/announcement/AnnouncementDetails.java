package io.herald.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One announcement as the authoring desk shows it, with what the viewer may do with it.
 * {@code bodyHtml} is sanitised and safe to insert unescaped.
 */
public record AnnouncementDetails(long id, long channelId, String channelSlug, String channelName,
		boolean reviewRequired, long authorId, String authorName, String title, String summary, String body,
		String bodyHtml, Priority priority, AnnouncementStatus status, boolean ackRequired, Instant ackDueAt,
		Set<Long> departmentIds, Set<Long> locationIds, List<String> departmentNames, List<String> locationNames,
		Instant pinnedUntil, Instant expiresAt, Instant scheduledAt, Instant publishedAt, boolean publishedLate,
		Instant archivedAt, Instant submittedAt, String reviewerName, Instant reviewedAt, String reviewComment,
		int revision, int ackRevision, Integer recipients, long version, Set<AnnouncementAction> allowed) {

	/**
	 * Whether the viewer may take an action, by its name in any case (for templates).
	 */
	public boolean allows(String action) {
		return this.allowed.contains(AnnouncementAction.valueOf(action.toUpperCase(Locale.ROOT)));
	}

}
