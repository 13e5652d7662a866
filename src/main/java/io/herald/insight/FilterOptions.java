package io.herald.insight;

import java.util.List;

/**
 * What the dashboards' filters offer.
 */
public record FilterOptions(List<InsightOption> channels, List<InsightOption> departments,
		List<InsightOption> locations) {

}
