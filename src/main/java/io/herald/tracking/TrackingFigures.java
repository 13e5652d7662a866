package io.herald.tracking;

/**
 * How far a post, or one part of its audience, has got: recipients (deliveries), how many
 * read it, acknowledged the current revision, did so by their due time, and are overdue
 * (not acknowledged and past their due time). Without an acknowledgement asked for, the
 * last three are 0.
 */
public record TrackingFigures(long recipients, long read, long acknowledged, long onTime, long overdue) {

	static final TrackingFigures NONE = new TrackingFigures(0, 0, 0, 0, 0);

	/**
	 * Read rate in percent (one decimal), {@code null} without recipients.
	 */
	public Double readRate() {
		return percent(this.read);
	}

	/**
	 * Acknowledgement rate in percent of the recipients, who are all asked.
	 */
	public Double ackRate() {
		return percent(this.acknowledged);
	}

	public Double onTimeRate() {
		return percent(this.onTime);
	}

	public Double overdueRate() {
		return percent(this.overdue);
	}

	TrackingFigures plus(TrackingFigures other) {
		return new TrackingFigures(this.recipients + other.recipients, this.read + other.read,
				this.acknowledged + other.acknowledged, this.onTime + other.onTime, this.overdue + other.overdue);
	}

	private Double percent(long part) {
		return (this.recipients == 0) ? null : Math.round(part * 1000.0 / this.recipients) / 10.0;
	}

}
