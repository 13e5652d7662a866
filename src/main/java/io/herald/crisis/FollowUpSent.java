package io.herald.crisis;

/**
 * An update or all-clear that went out: its post, and how many people were told.
 */
public record FollowUpSent(long announcementId, int recipients) {

}
