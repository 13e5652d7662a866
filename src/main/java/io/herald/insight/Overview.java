package io.herald.insight;

import java.time.Instant;
import java.util.List;

/**
 * The overview of a period against the period before it: the figures, the median
 * time-to-read, the 26-week trend ending with the period, and the figures by department
 * and by location.
 *
 * @param asOf when the figures last took in reads and acknowledgements
 * @param options the filter form's choices, read in the same snapshot as the breakdowns'
 * names
 */
public record Overview(InsightFilter filter, Figures current, Figures previous, ReadTime median,
		ReadTime previousMedian, List<Week> trend, List<Breakdown> byDepartment, List<Breakdown> byLocation,
		Instant asOf, int minimumGroupSize, FilterOptions options) {

	public Change posts() {
		return Change.of(this.current.posts(), this.previous.posts());
	}

	public Change recipients() {
		return Change.of(this.current.recipients(), this.previous.recipients());
	}

	public Change readRate() {
		return Change.of(this.current.readRate(), this.previous.readRate());
	}

	public Change ackRate() {
		return Change.of(this.current.ackRate(), this.previous.ackRate());
	}

	public Change onTimeRate() {
		return Change.of(this.current.onTimeRate(), this.previous.onTimeRate());
	}

	public Change overdue() {
		return Change.of(this.current.hidden() ? null : this.current.overdue(),
				this.previous.hidden() ? null : this.previous.overdue());
	}

	/**
	 * Buckets faster (negative) or slower (positive) than the period before.
	 */
	public Change medianChange() {
		return Change.of((this.median != null) ? this.median.bucket() : null,
				(this.previousMedian != null) ? this.previousMedian.bucket() : null);
	}

}
