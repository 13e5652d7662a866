package io.herald.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One announcement as the authoring desk shows it, with what the viewer may do with it.
 */
public record AnnouncementDetails(long id, AnnouncementStatus status, Content content, Targeting targeting,
		Schedule schedule, Tracking tracking, Authorship authorship, long version, Set<AnnouncementAction> allowed) {

	/**
	 * Whether the viewer may take an action, by its name in any case (for templates).
	 */
	public boolean allows(String action) {
		return this.allowed.contains(AnnouncementAction.valueOf(action.toUpperCase(Locale.ROOT)));
	}

	/**
	 * What the post says. {@code bodyHtml} is sanitised and safe to insert unescaped.
	 */
	public record Content(String title, String summary, String body, String bodyHtml, Priority priority) {

	}

	/**
	 * Where the post goes: its channel (and whether posts there are reviewed), narrowed
	 * by departments and locations, with their names.
	 */
	public record Targeting(long channelId, String channelSlug, String channelName, boolean reviewRequired,
			Set<Long> departmentIds, Set<Long> locationIds, List<String> departmentNames, List<String> locationNames) {

	}

	/**
	 * When the post is pinned until, expires, is scheduled for, went out (and whether
	 * late) and was archived.
	 */
	public record Schedule(Instant pinnedUntil, Instant expiresAt, Instant scheduledAt, Instant publishedAt,
			boolean publishedLate, Instant archivedAt) {

	}

	/**
	 * What the post asks of its recipients and how far it has gone: the acknowledgement
	 * and its due time, the revision and the one acknowledgements are asked for, and how
	 * many people it reached.
	 */
	public record Tracking(boolean ackRequired, Instant ackDueAt, int revision, int ackRevision, Integer recipients) {

	}

	/**
	 * Who wrote the post and submitted it, and who reviewed it, when and with what
	 * comment.
	 */
	public record Authorship(long authorId, String authorName, Instant submittedAt, String reviewerName,
			Instant reviewedAt, String reviewComment) {

	}

}
