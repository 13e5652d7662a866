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
	 * The largest unit that expresses these minutes exactly.
	 */
	public static OffsetUnit largestFor(int minutes) {
		if (minutes != 0 && minutes % DAYS.minutes == 0) {
			return DAYS;
		}
		return (minutes != 0 && minutes % HOURS.minutes == 0) ? HOURS : MINUTES;
	}

}
