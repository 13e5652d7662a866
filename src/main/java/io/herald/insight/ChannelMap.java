package io.herald.insight;

import java.time.Instant;
import java.util.List;

/**
 * Every channel that is not archived, flagged ones first.
 *
 * @param windowDays the period of the posts and rates, in days up to now
 * @param medianPosts the median channel's posts in the window
 * @param organisation all channels' posts in the window together
 */
public record ChannelMap(List<ChannelInsight> channels, long windowDays, double medianPosts, Figures organisation,
		Instant asOf, int minimumGroupSize) {

}
