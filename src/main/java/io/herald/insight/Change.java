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

	/**
	 * How far it moved, whichever way; {@code null} when unknown.
	 */
	public Double magnitude() {
		Double delta = delta();
		return (delta != null) ? Math.abs(delta) : null;
	}

	/**
	 * The way it went, as the message keys of a comparison name it: {@code up},
	 * {@code down} or {@code same}.
	 */
	public String way() {
		return switch (direction()) {
			case 1 -> "up";
			case -1 -> "down";
			default -> "same";
		};
	}

	public static Change of(Number current, Number previous) {
		return new Change(current, previous);
	}

}
