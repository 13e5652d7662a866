package io.herald.insight;

/**
 * The figures of a period for the API: rates as fractions from 0 to 1, {@code null} where
 * nothing was delivered, or nothing was asked for that is due by now or given, or the
 * group is too small to show.
 *
 * <p>
 * {@code ackRate} and {@code onTimeAckRate} count, of the acknowledgements asked for,
 * those given and those whose due time has passed ({@code acknowledgementsDue}); the ones
 * still inside their window are {@code dueLater}. Drills are left out of every figure.
 * The fields after {@code overdue} were added with that rule, so a client can tell what a
 * rate counts; they are {@code null} where the rates are hidden.
 *
 * @param acknowledgementsAsked deliveries that asked for an acknowledgement
 * @param acknowledgementsDue of those, the ones given or due by now: what the
 * acknowledgement rates count
 * @param dueLater of those asked for, the ones not given and not due yet
 */
public record InsightSummary(long announcements, long recipients, Double readRate, Double ackRate, Double onTimeAckRate,
		long overdue, Long read, Long acknowledgementsAsked, Long acknowledgementsDue, Long acknowledged,
		Long acknowledgedOnTime, Long dueLater) {

	static InsightSummary of(Figures f) {
		if (f.hidden()) {
			return new InsightSummary(f.posts(), f.recipients(), null, null, null, 0, null, null, null, null, null,
					null);
		}
		return new InsightSummary(f.posts(), f.recipients(), fraction(f.readRate()), fraction(f.ackRate()),
				fraction(f.onTimeRate()), f.overdue(), f.read(), f.required(), f.due(), f.acknowledged(), f.onTime(),
				f.dueLater());
	}

	private static Double fraction(Double percent) {
		return (percent != null) ? Math.round(percent * 100) / 10_000.0 : null;
	}

}
