package io.herald.announcement;

import org.springframework.modulith.NamedInterface;

/**
 * Where an announcement is in its life. See {@link Lifecycle} for the moves between them.
 */
@NamedInterface("api")
public enum AnnouncementStatus {

	DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, ARCHIVED;

	/**
	 * Whether the author may still change it freely (no revision kept).
	 */
	public boolean editable() {
		return this == DRAFT || this == CHANGES_REQUESTED;
	}

}
