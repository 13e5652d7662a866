package io.herald.announcement;

/**
 * What someone may ask to do with an announcement; {@link Lifecycle} says when it is
 * allowed.
 */
public enum AnnouncementAction {

	EDIT, SUBMIT, WITHDRAW, APPROVE, REQUEST_CHANGES, PUBLISH, SCHEDULE, UNSCHEDULE, REVISE, ARCHIVE, DISCARD

}
