package io.herald.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.herald.announcement.Priority;

/**
 * What a dashboard shows: posts published from {@code from} to {@code to} (whole days,
 * both included, in the viewer's time zone), optionally on one channel or of one
 * priority, and counted for the people of one department and/or location (as they stood
 * when the post reached them; 0 stands for "none").
 */
public record InsightFilter(LocalDate from, LocalDate to, Long channelId, Long departmentId, Long locationId,
		Priority priority) {

	/** Longest period a dashboard covers, in days. */
	public static final int LONGEST = 731;

	/** The default period: the last 30 days, today included. */
	public static final int DEFAULT_DAYS = 30;

	public InsightFilter {
		if (from == null || to == null || from.isAfter(to)) {
			throw new IllegalArgumentException("A period runs from a day to the same or a later day");
		}
	}

	public static InsightFilter lastDays(LocalDate today) {
		return new InsightFilter(today.minusDays(DEFAULT_DAYS - 1), today, null, null, null, null);
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/**
	 * The period just before, as long as this one.
	 */
	public InsightFilter previous() {
		return new InsightFilter(this.from.minusDays(days()), this.from.minusDays(1), this.channelId, this.departmentId,
				this.locationId, this.priority);
	}

	public InsightFilter withDepartment(Long department) {
		return new InsightFilter(this.from, this.to, this.channelId, department, this.locationId, this.priority);
	}

	public InsightFilter withPeriod(LocalDate from, LocalDate to) {
		return new InsightFilter(from, to, this.channelId, this.departmentId, this.locationId, this.priority);
	}

}
