package io.herald.announcement;

import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * A post was sent for review: {@code reviewerIds} are the people who may review it (the
 * channel's owners and the communications managers), its author left out. Raised in the
 * transaction that submitted it; {@code submittedAt} tells one submission from the next.
 */
@NamedInterface("events")
public record AnnouncementSubmitted(long announcementId, String title, long authorId, Set<Long> reviewerIds,
		Instant submittedAt) {

	public AnnouncementSubmitted {
		reviewerIds = Set.copyOf(reviewerIds);
	}

}
