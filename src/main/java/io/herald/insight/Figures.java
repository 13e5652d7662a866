package io.herald.insight;

/**
 * What a set of posts did in one group of people: how many posts reached it, deliveries
 * (each post's recipients, added up), reads, deliveries that asked for an
 * acknowledgement, acknowledgements (of the revision asked for), those on time,
 * acknowledgements overdue now, and those not given yet whose due time is still ahead.
 *
 * <p>
 * The acknowledgement rates count what could have been done by now: acknowledgements
 * given, and those owed whose due time has passed. One still inside its window counts
 * apart ({@code dueLater}), so a post published this morning does not pull a rate down,
 * and a period where nothing was due yet has no rate at all rather than 0 %.
 *
 * @param dueLater acknowledgements asked for, not given, and not due yet
 * @param largestAudience the most people of the group any one of the posts reached: the
 * privacy rule's measure of the group's size
 * @param hidden whether the group is too small to show rates for (see
 * {@link InsightRules#minimumGroupSize()}): only {@code posts} may be shown then
 */
public record Figures(long posts, long recipients, long read, long required, long acknowledged, long onTime,
		long overdue, long dueLater, long largestAudience, boolean hidden) {

	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, false);

	/**
	 * Read rate in percent, {@code null} when hidden or nothing was delivered.
	 */
	public Double readRate() {
		return percent(this.read, this.recipients);
	}

	/**
	 * The acknowledgements the rates count: those given and those due by now.
	 */
	public long due() {
		return this.required - this.dueLater;
	}

	/**
	 * Acknowledged of those due by now or given, in percent; {@code null} when hidden or
	 * none was.
	 */
	public Double ackRate() {
		return percent(this.acknowledged, due());
	}

	/**
	 * Acknowledged on time of those due by now or given, in percent.
	 */
	public Double onTimeRate() {
		return percent(this.onTime, due());
	}

	/**
	 * The heat-map band of a rate: 0 (below 50 %) to 4 (90 % or more), -1 without one.
	 */
	public static int band(Double rate) {
		if (rate == null) {
			return -1;
		}
		if (rate >= 90) {
			return 4;
		}
		if (rate >= 75) {
			return 3;
		}
		if (rate >= 60) {
			return 2;
		}
		return (rate >= 50) ? 1 : 0;
	}

	public int readBand() {
		return band(readRate());
	}

	public int ackBand() {
		return band(ackRate());
	}

	Figures hiddenBelow(int minimumGroupSize) {
		boolean small = this.recipients > 0 && this.largestAudience < minimumGroupSize;
		return new Figures(this.posts, this.recipients, this.read, this.required, this.acknowledged, this.onTime,
				this.overdue, this.dueLater, this.largestAudience, small);
	}

	private Double percent(long part, long whole) {
		if (this.hidden || whole <= 0) {
			return null;
		}
		return 100.0 * part / whole;
	}

}
