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
 * asks before every transition, and a refusal carries a message code saying why.
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
	 * The status after the action, or a refusal with the reason.
	 * @param reviewRequired whether the announcement's channel requires review
	 */
	static AnnouncementStatus next(AnnouncementAction action, AnnouncementStatus current, boolean reviewRequired,
			Actor actor) {
		return switch (action) {
			case EDIT, DISCARD -> {
				requirePoster(actor);
				require(current.editable(), action);
				yield current;
			}
			case SUBMIT -> {
				requirePoster(actor);
				require(current.editable(), action);
				if (!reviewRequired) {
					throw refused("announcement.refused.reviewNotRequired");
				}
				yield IN_REVIEW;
			}
			case WITHDRAW -> {
				requirePoster(actor);
				require(current == IN_REVIEW, action);
				yield DRAFT;
			}
			case APPROVE, REQUEST_CHANGES -> {
				if (!actor.reviewer()) {
					throw refused("announcement.refused.notReviewer");
				}
				require(current == IN_REVIEW, action);
				if (actor.author()) {
					throw refused("announcement.refused.ownReview");
				}
				yield (action == AnnouncementAction.APPROVE) ? APPROVED : CHANGES_REQUESTED;
			}
			case PUBLISH, SCHEDULE -> {
				requirePoster(actor);
				boolean released = current == APPROVED || current == SCHEDULED;
				require(released || current.editable(), action);
				if (!released && reviewRequired) {
					throw refused("announcement.refused.reviewRequired");
				}
				if (action == AnnouncementAction.SCHEDULE && current == SCHEDULED) {
					throw refused("announcement.refused.schedule");
				}
				yield (action == AnnouncementAction.PUBLISH) ? PUBLISHED : SCHEDULED;
			}
			case UNSCHEDULE -> {
				requirePoster(actor);
				require(current == SCHEDULED, action);
				yield DRAFT;
			}
			case REVISE -> {
				requirePoster(actor);
				require(current == PUBLISHED, action);
				yield PUBLISHED;
			}
			case ARCHIVE -> {
				requirePoster(actor);
				require(current == PUBLISHED, action);
				yield ARCHIVED;
			}
		};
	}

	private static void requirePoster(Actor actor) {
		if (!actor.poster()) {
			throw refused("announcement.refused.notPoster");
		}
	}

	private static void require(boolean allowed, AnnouncementAction action) {
		if (!allowed) {
			throw refused("announcement.refused." + code(action));
		}
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

	private static InvalidChange refused(String code) {
		return new InvalidChange(null, code);
	}

}
