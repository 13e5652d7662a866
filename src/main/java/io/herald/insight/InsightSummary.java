package io.herald.insight;

/**
 * The figures of a period for the API: rates as fractions from 0 to 1, {@code null} where
 * nothing was delivered or asked for.
 */
public record InsightSummary(long announcements, long recipients, Double readRate, Double ackRate, Double onTimeAckRate,
		long overdue) {

}
