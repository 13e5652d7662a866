package io.herald.directory;

import java.util.List;

/**
 * A window on the org chart: the chain above the person in focus, and two levels below.
 *
 * @param above managers from the top down to the focus's manager; empty at the top
 * @param roots the person in focus (or the people at the top), each with reports two
 * levels deep
 * @param moreAtTop people at the top (without a manager) left off the chart
 */
public record OrgChart(List<EmployeeSummary> above, List<Node> roots, long moreAtTop) {

	/**
	 * One person with how many people report to them and, where loaded, who.
	 */
	public record Node(EmployeeSummary person, long reportCount, List<Node> reports) {

		public boolean hasUnloadedReports() {
			return this.reportCount > 0 && this.reports.isEmpty();
		}

	}

}
