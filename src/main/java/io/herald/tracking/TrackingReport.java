package io.herald.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;

/**
 * Who received a post and how far they have got with it: the totals, the same by
 * department and by location, and how long reading took (median and 90th percentile from
 * delivery to first reading; {@code null} before anyone read it).
 */
public record TrackingReport(long announcementId, String title, Priority priority, AnnouncementStatus status,
		Instant publishedAt, boolean ackRequired, Instant ackDueAt, boolean expired, TrackingFigures totals,
		List<TrackingBreakdown> byDepartment, List<TrackingBreakdown> byLocation, Duration medianTimeToRead,
		Duration p90TimeToRead, ReminderState reminders) {

	/**
	 * Whether reminding the non-acknowledgers makes sense for this post at all (the
	 * reminder state says whether it may go now).
	 */
	public boolean remindable() {
		return this.ackRequired && this.status == AnnouncementStatus.PUBLISHED && !this.expired
				&& this.totals.acknowledged() < this.totals.recipients();
	}

}
