package io.herald.announcement;

import java.time.Instant;
import java.util.List;

/**
 * An edit made after publishing: the revision it produced, who made it and when, what
 * changed, and the words as they were before.
 */
public record RevisionView(int revision, String editedBy, Instant editedAt, boolean material,
		List<String> changedFields, String previousTitle) {

}
