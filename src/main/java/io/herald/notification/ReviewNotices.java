package io.herald.notification;

import java.util.List;
import java.util.Map;

import io.herald.announcement.AnnouncementReviewed;
import io.herald.announcement.AnnouncementSubmitted;
import io.herald.directory.Contact;
import io.herald.directory.EmployeeDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review desk's news: a post sent for review reaches its reviewers, and the
 * reviewer's answer (approved, or changes requested with the comment) reaches its author,
 * in the app and by e-mail as each of them chose. Each links to the post on the desk,
 * where they act on it. Keyed by the submission or review instant, so a post sent back
 * and submitted again is announced again, and the same event twice only once.
 */
@Component
class ReviewNotices {

	private final Notifications notifications;

	private final EmployeeDirectory directory;

	ReviewNotices(Notifications notifications, EmployeeDirectory directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementSubmitted submitted) {
		Map<Long, Contact> contacts = this.directory.findContacts(submitted.reviewerIds());
		String link = desk(submitted.announcementId());
		List<Notice> notices = submitted.reviewerIds()
			.stream()
			.filter((reviewer) -> contacts.containsKey(reviewer) && contacts.get(reviewer).active())
			.sorted()
			.map((reviewer) -> new Notice(reviewer, NotificationKind.REVIEW_REQUESTED, submitted.announcementId(),
					submitted.title(), null, link, false,
					"review-requested:" + submitted.announcementId() + ":" + submitted.submittedAt().toEpochMilli()
							+ ":" + reviewer))
			.toList();
		this.notifications.send(notices);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementReviewed reviewed) {
		if (reviewed.authorId() == reviewed.reviewerId()) {
			return;
		}
		NotificationKind kind = reviewed.approved() ? NotificationKind.POST_APPROVED
				: NotificationKind.CHANGES_REQUESTED;
		String key = (reviewed.approved() ? "approved:" : "changes-requested:") + reviewed.announcementId() + ":"
				+ reviewed.reviewedAt().toEpochMilli() + ":" + reviewed.authorId();
		this.notifications.send(List.of(new Notice(reviewed.authorId(), kind, reviewed.announcementId(),
				reviewed.title(), reviewed.comment(), desk(reviewed.announcementId()), false, key)));
	}

	private static String desk(long announcementId) {
		return "/manage/announcements/" + announcementId;
	}

}
