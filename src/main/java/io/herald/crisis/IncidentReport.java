package io.herald.crisis;

import java.time.Instant;
import java.util.List;

/**
 * The after-action report of a resolved incident: its figures (with the times to reach
 * 50, 90 and 100 % checked in), timeline, checklist and everyone who asked for help.
 */
public record IncidentReport(IncidentView incident, List<TimelineEntry> timeline, List<ChecklistItem> checklist,
		List<HelpCase> needHelp) {

	public long stepsDone() {
		return this.checklist.stream().filter(ChecklistItem::done).count();
	}

	/**
	 * Someone who answered "I need help": their note and when they answered.
	 */
	public record HelpCase(long employeeId, String name, String location, String phone, String note,
			Instant answeredAt) {

	}

}
