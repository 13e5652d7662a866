package io.herald.insight;

/**
 * One figure of a period against the same figure of the period before it.
 */
public record Change(Number current, Number previous) {

	/**
	 * The difference: in the figure's unit for counts, in percentage points for rates;
	 * {@code null} when either side is missing.
	 */
	public Double delta() {
		if (this.current == null || this.previous == null) {
			return null;
		}
		return this.current.doubleValue() - this.previous.doubleValue();
	}

	/**
	 * -1, 0 or 1 as the figure went down, stayed or went up; 0 when unknown.
	 */
	public int direction() {
		Double delta = delta();
		if (delta == null || Math.abs(delta) < 0.05) {
			return 0;
		}
		return (delta > 0) ? 1 : -1;
	}

	public static Change of(Number current, Number previous) {
		return new Change(current, previous);
	}

}
