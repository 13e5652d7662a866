package io.herald.announcement;

/**
 * A published post was edited; {@code acknowledgementAskedAgain} says every recipient has
 * to acknowledge the new revision, earlier acknowledgements no longer count. Raised in
 * the editing transaction.
 */
public record AnnouncementRevised(long announcementId, int revision, boolean acknowledgementAskedAgain) {

}
