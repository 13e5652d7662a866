package io.herald.announcement;

import io.herald.announcement.Lifecycle.Actor;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.shared.Callers;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.stereotype.Component;

/**
 * Who may see an announcement on the desk, and who the caller is relative to it: the
 * lifecycle commands and the desk's views both start here.
 */
@Component
class AnnouncementAccess {

	private final AnnouncementRepository announcements;

	private final Channels channels;

	AnnouncementAccess(AnnouncementRepository announcements, Channels channels) {
		this.announcements = announcements;
		this.channels = channels;
	}

	/**
	 * The announcement with its targeting, if the caller may manage its channel, or is HR
	 * and it has passed review ({@link HrReading}).
	 * @throws AnnouncementNotFound otherwise
	 */
	Announcement load(long id) {
		Announcement announcement = this.announcements.findWithTargetingById(id)
			.orElseThrow(() -> new AnnouncementNotFound(id));
		if (!this.channels.callerManages(announcement.getChannelId())
				&& !(Callers.hasAnyRole(Role.HR) && HrReading.mayRead(announcement.getStatus()))) {
			throw new AnnouncementNotFound(id);
		}
		return announcement;
	}

	ChannelView channel(Announcement announcement) {
		return this.channels.find(announcement.getChannelId()).orElseThrow();
	}

	/**
	 * The status the action leads to for the caller.
	 * @throws io.herald.shared.InvalidChange when {@link Lifecycle} refuses it
	 */
	AnnouncementStatus transition(Announcement announcement, AnnouncementAction action) {
		ChannelView channel = channel(announcement);
		return Lifecycle.next(action, announcement.getStatus(), channel.requiresReview(), actor(announcement, channel));
	}

	/**
	 * The caller relative to the announcement: its author or not, whether they may post
	 * it (its author or a communications manager, on a channel they may post to that is
	 * not archived), and whether they may review on its channel.
	 */
	Actor actor(Announcement announcement, ChannelView channel) {
		SignedInPerson caller = Callers.require();
		boolean author = announcement.getAuthorId() == caller.employeeId();
		boolean commsManager = Callers.hasAnyRole(Role.COMMS_MANAGER);
		boolean mayPost = !channel.archived() && (commsManager || channel.mayPost(caller.employeeId()));
		boolean reviewer = commsManager || channel.isOwner(caller.employeeId());
		return new Actor(author, mayPost && (author || commsManager), reviewer);
	}

}
