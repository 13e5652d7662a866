package io.herald.announcement;

import java.time.Instant;
import java.util.Set;

/**
 * What an author writes: content, priority, channel and narrowing, acknowledgement, and
 * the dates. Times are instants; the form converts from the author's zone. A missing
 * {@code ackDueAt} takes the priority's default window from the moment of publishing.
 * {@code version} guards against overwriting someone else's edit (0 for a new draft).
 */
public record AnnouncementDraft(long channelId, String title, String summary, String body, Priority priority,
		boolean ackRequired, Instant ackDueAt, Set<Long> departmentIds, Set<Long> locationIds, Instant pinnedUntil,
		Instant expiresAt, Instant scheduledAt, long version) {

	public AnnouncementDraft {
		departmentIds = (departmentIds != null) ? Set.copyOf(departmentIds) : Set.of();
		locationIds = (locationIds != null) ? Set.copyOf(locationIds) : Set.of();
	}

	/**
	 * The draft with surrounding blanks gone (blank texts become missing) and no due time
	 * where no acknowledgement is asked.
	 */
	AnnouncementDraft cleaned() {
		return new AnnouncementDraft(this.channelId, strip(this.title), strip(this.summary),
				(this.body != null) ? this.body.stripTrailing() : null, this.priority, this.ackRequired,
				this.ackRequired ? this.ackDueAt : null, this.departmentIds, this.locationIds, this.pinnedUntil,
				this.expiresAt, this.scheduledAt, this.version);
	}

	private static String strip(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
