package io.herald.announcement;

import java.util.Set;

/**
 * The lists of the authoring desk.
 */
public enum DeskList {

	/** The caller's own drafts, including those sent back for changes. */
	DRAFTS(Set.of(AnnouncementStatus.DRAFT, AnnouncementStatus.CHANGES_REQUESTED)),

	/** Posts waiting for a review the caller may give. */
	REVIEW(Set.of(AnnouncementStatus.IN_REVIEW)),

	SCHEDULED(Set.of(AnnouncementStatus.SCHEDULED, AnnouncementStatus.APPROVED)),

	PUBLISHED(Set.of(AnnouncementStatus.PUBLISHED)),

	ARCHIVED(Set.of(AnnouncementStatus.ARCHIVED));

	private final Set<AnnouncementStatus> statuses;

	DeskList(Set<AnnouncementStatus> statuses) {
		this.statuses = statuses;
	}

	Set<AnnouncementStatus> statuses() {
		return this.statuses;
	}

}
