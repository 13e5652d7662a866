package io.herald.escalation;

/**
 * The unit a step's time is entered and shown in.
 */
public enum OffsetUnit {

	MINUTES(1), HOURS(60), DAYS(1440);

	private final int minutes;

	OffsetUnit(int minutes) {
		this.minutes = minutes;
	}

	public int minutes() {
		return this.minutes;
	}

	/**
	 * The unit these minutes read best in: the largest that expresses them exactly,
	 * except that a single day reads as 24 hours, as people say for deadlines.
	 */
	public static OffsetUnit largestFor(int minutes) {
		if (minutes >= 2 * DAYS.minutes && minutes % DAYS.minutes == 0) {
			return DAYS;
		}
		return (minutes != 0 && minutes % HOURS.minutes == 0) ? HOURS : MINUTES;
	}

}
