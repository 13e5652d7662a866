package io.herald.insight;

import java.time.Instant;
import java.util.List;

/**
 * One department's drill-down: its figures, its posts' figures, and who in it owes an
 * acknowledgement past due ({@code moreOverdue}: the list is cut, the CSV has them all).
 * Who is overdue, by name, is for HR and administrators ({@code peopleShown}); others see
 * the count only. {@code options} are the filter form's choices, read in the same
 * snapshot.
 */
public record DepartmentInsight(long id, String name, InsightFilter filter, Figures figures, List<PostFigures> posts,
		List<OverduePerson> overdue, boolean moreOverdue, boolean peopleShown, Instant asOf, int minimumGroupSize,
		FilterOptions options) {

}
