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

	/** The first day a period may start or end on: Herald holds nothing older. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** How many years past today a period may reach, for posts scheduled ahead. */
	public static final int YEARS_AHEAD = 1;

	public InsightFilter {
		if (from == null || to == null || from.isAfter(to)) {
			throw new IllegalArgumentException("A period runs from a day to the same or a later day");
		}
	}

	public static InsightFilter lastDays(LocalDate today) {
		return new InsightFilter(today.minusDays(DEFAULT_DAYS - 1), today, null, null, null, null);
	}

	/**
	 * The last day a period may start or end on, seen from today.
	 */
	public static LocalDate latest(LocalDate today) {
		return today.plusYears(YEARS_AHEAD);
	}

	/**
	 * Whether a day may start or end a period. Days far outside (year 0, year 999999999)
	 * would overflow date arithmetic and the database's timestamps, so every way in to a
	 * dashboard asks this first.
	 */
	public static boolean accepts(LocalDate day, LocalDate today) {
		return !day.isBefore(EARLIEST) && !day.isAfter(latest(today));
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
