package io.herald.announcement;

/**
 * What HR may open of a channel they do not manage: posts that have passed review, which
 * went out or are planned to and which the content calendar shows them, so that they can
 * see who reads what. Someone else's draft, a post in review or sent back for changes is
 * the author's and the channel's business: for HR it does not exist (issue 15, F4).
 */
final class HrReading {

	private HrReading() {
	}

	static boolean mayRead(AnnouncementStatus status) {
		return switch (status) {
			case APPROVED, SCHEDULED, PUBLISHED, ARCHIVED -> true;
			case DRAFT, IN_REVIEW, CHANGES_REQUESTED -> false;
		};
	}

}
