package io.herald.escalation;

import java.util.List;

/**
 * What a manager's team page shows: whether anyone reports to them, their reports'
 * missing acknowledgements (overdue first, then due soonest), at most {@link Team#SHOWN}
 * of {@code total}.
 */
public record TeamView(boolean hasReports, List<OutstandingAck> outstanding, long total) {

	public boolean truncated() {
		return this.total > this.outstanding.size();
	}

}
