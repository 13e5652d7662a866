package io.herald.announcement;

import io.herald.shared.InvalidChange;

import static io.herald.announcement.AnnouncementStatus.APPROVED;
import static io.herald.announcement.AnnouncementStatus.ARCHIVED;
import static io.herald.announcement.AnnouncementStatus.CHANGES_REQUESTED;
import static io.herald.announcement.AnnouncementStatus.DRAFT;
import static io.herald.announcement.AnnouncementStatus.IN_REVIEW;
import static io.herald.announcement.AnnouncementStatus.PUBLISHED;
import static io.herald.announcement.AnnouncementStatus.SCHEDULED;

/**
 * The moves an announcement may make, and who may make them. A plain rule: the service
 * asks before every transition, and a refusal carries a message code saying why; the desk
 * asks {@link #allows} to offer only the moves that would succeed.
 *
 * <pre>
 * DRAFT ─submit→ IN_REVIEW ─approve→ APPROVED ─→ SCHEDULED ─→ PUBLISHED ─archive→ ARCHIVED
 *   ↑              │ └─request changes→ CHANGES_REQUESTED ─submit→ IN_REVIEW
 *   └──withdraw────┘
 * (channels without review: DRAFT ─publish→ PUBLISHED, DRAFT ─schedule→ SCHEDULED)
 * </pre>
 */
final class Lifecycle {

	/**
	 * Who is asking, relative to this announcement: whether they wrote it, may post to
	 * its channel, and may review posts there.
	 */
	record Actor(boolean author, boolean poster, boolean reviewer) {

	}

	private Lifecycle() {
	}

	/**
	 * Whether the actor may take the action now: true exactly when {@link #next} would
	 * not refuse it.
	 * @param reviewRequired whether the announcement's channel requires review
	 */
	static boolean allows(AnnouncementAction action, AnnouncementStatus current, boolean reviewRequired, Actor actor) {
		return refusal(action, current, reviewRequired, actor) == null;
	}

	/**
	 * The status after the action, or a refusal with the reason.
	 * @param reviewRequired whether the announcement's channel requires review
	 */
	static AnnouncementStatus next(AnnouncementAction action, AnnouncementStatus current, boolean reviewRequired,
			Actor actor) {
		String refusal = refusal(action, current, reviewRequired, actor);
		if (refusal != null) {
			throw new InvalidChange(null, refusal);
		}
		return switch (action) {
			case EDIT, DISCARD, REVISE -> current;
			case SUBMIT -> IN_REVIEW;
			case WITHDRAW, UNSCHEDULE -> DRAFT;
			case APPROVE -> APPROVED;
			case REQUEST_CHANGES -> CHANGES_REQUESTED;
			case PUBLISH -> PUBLISHED;
			case SCHEDULE -> SCHEDULED;
			case ARCHIVE -> ARCHIVED;
		};
	}

	/**
	 * The message code of why the action is refused, or {@code null} when it is allowed.
	 */
	private static String refusal(AnnouncementAction action, AnnouncementStatus current, boolean reviewRequired,
			Actor actor) {
		if (action == AnnouncementAction.APPROVE || action == AnnouncementAction.REQUEST_CHANGES) {
			if (!actor.reviewer()) {
				return "announcement.refused.notReviewer";
			}
			if (current != IN_REVIEW) {
				return refused(action);
			}
			return actor.author() ? "announcement.refused.ownReview" : null;
		}
		if (!actor.poster()) {
			return "announcement.refused.notPoster";
		}
		return switch (action) {
			case EDIT, DISCARD -> current.editable() ? null : refused(action);
			case SUBMIT -> {
				if (!current.editable()) {
					yield refused(action);
				}
				yield reviewRequired ? null : "announcement.refused.reviewNotRequired";
			}
			case WITHDRAW -> (current == IN_REVIEW) ? null : refused(action);
			case PUBLISH, SCHEDULE -> {
				boolean released = current == APPROVED || current == SCHEDULED;
				if (!released && !current.editable()) {
					yield refused(action);
				}
				if (!released && reviewRequired) {
					yield "announcement.refused.reviewRequired";
				}
				if (action == AnnouncementAction.SCHEDULE && current == SCHEDULED) {
					yield "announcement.refused.schedule";
				}
				yield null;
			}
			case UNSCHEDULE -> (current == SCHEDULED) ? null : refused(action);
			case REVISE, ARCHIVE -> (current == PUBLISHED) ? null : refused(action);
			case APPROVE, REQUEST_CHANGES -> throw new IllegalStateException("Reviews are decided above");
		};
	}

	private static String refused(AnnouncementAction action) {
		return "announcement.refused." + code(action);
	}

	private static String code(AnnouncementAction action) {
		return switch (action) {
			case EDIT -> "edit";
			case SUBMIT -> "submit";
			case WITHDRAW -> "withdraw";
			case APPROVE, REQUEST_CHANGES -> "review";
			case PUBLISH -> "publish";
			case SCHEDULE -> "schedule";
			case UNSCHEDULE -> "unschedule";
			case REVISE -> "revise";
			case ARCHIVE -> "archive";
			case DISCARD -> "discard";
		};
	}

}
