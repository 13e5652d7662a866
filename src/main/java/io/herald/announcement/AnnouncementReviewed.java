package io.herald.announcement;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A reviewer answered a post in review: approved it ({@code status} says whether it went
 * out or waits for its time) or sent it back to its author with {@code comment}. Raised
 * in the transaction that recorded the review.
 */
@NamedInterface("events")
public record AnnouncementReviewed(long announcementId, String title, long authorId, long reviewerId, boolean approved,
		String comment, AnnouncementStatus status, Instant reviewedAt) {

}
