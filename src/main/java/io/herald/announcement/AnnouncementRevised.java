package io.herald.announcement;

import org.springframework.modulith.NamedInterface;

/**
 * A published post was edited; {@code acknowledgementAskedAgain} says every recipient has
 * to acknowledge the new revision, earlier acknowledgements no longer count;
 * {@code dueChanged} says the time to acknowledge by moved. Raised in the editing
 * transaction, with the change already written.
 */
@NamedInterface("events")
public record AnnouncementRevised(long announcementId, int revision, boolean acknowledgementAskedAgain,
		boolean dueChanged) {

}
