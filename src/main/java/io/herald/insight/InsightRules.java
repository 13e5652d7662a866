package io.herald.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the dashboards and the channel map.
 *
 * @param minimumGroupSize in any breakdown, a group where no post reached at least this
 * many people is shown as "fewer than N" instead of rates, so nobody reads an
 * individual's behaviour off a table
 * @param window the channel map's period: posts and rates over the last 30 days, and
 * whether the read rate fell against the 30 days before
 * @param dormantAfter a channel with no post for this long is dormant
 * @param overUseFactor a channel is over-used with at least this many times the median
 * channel's posts …
 * @param overUseMargin … and at least this many posts more than it …
 * @param fallingBy … while its read rate fell by at least this many percentage points
 * @param lowReachGap a channel's read rate this many points or more below the
 * organisation's is low reach
 */
@ConfigurationProperties("herald.insight")
public record InsightRules(@DefaultValue("5") int minimumGroupSize, @DefaultValue("30d") Duration window,
		@DefaultValue("60d") Duration dormantAfter, @DefaultValue("2") double overUseFactor,
		@DefaultValue("3") int overUseMargin, @DefaultValue("5") double fallingBy,
		@DefaultValue("15") double lowReachGap) {

	public static final InsightRules DEFAULTS = new InsightRules(5, Duration.ofDays(30), Duration.ofDays(60), 2, 3, 5,
			15);

	/**
	 * One channel as the flags see it.
	 *
	 * @param createdAt when the channel was created
	 * @param lastPost its latest post, {@code null} if none ever
	 * @param posts posts in the window
	 * @param figures its posts' figures in the window
	 * @param previous its posts' figures in the window before
	 */
	record ChannelState(Instant createdAt, Instant lastPost, int posts, Figures figures, Figures previous) {

	}

	/**
	 * The flags of one channel, each with why.
	 * @param medianPosts the median channel's posts in the window
	 * @param organisationReadRate every channel's posts' read rate in the window
	 * (percent, {@code null} without deliveries)
	 */
	List<ChannelFlag> flags(ChannelState channel, double medianPosts, Double organisationReadRate, Instant now) {
		List<ChannelFlag> flags = new ArrayList<>();
		Instant dormantBefore = now.minus(this.dormantAfter);
		if (channel.lastPost() == null) {
			if (channel.createdAt() != null && channel.createdAt().isBefore(dormantBefore)) {
				flags.add(new ChannelFlag(ChannelFlag.Kind.DORMANT, "never",
						List.of(Duration.between(channel.createdAt(), now).toDays())));
			}
		}
		else if (channel.lastPost().isBefore(dormantBefore)) {
			flags.add(new ChannelFlag(ChannelFlag.Kind.DORMANT, "since",
					List.of(Duration.between(channel.lastPost(), now).toDays(), this.dormantAfter.toDays())));
		}
		Double rate = channel.figures().readRate();
		Double before = channel.previous().readRate();
		if (channel.posts() >= this.overUseFactor * medianPosts && channel.posts() >= medianPosts + this.overUseMargin
				&& rate != null && before != null && before - rate >= this.fallingBy) {
			flags.add(new ChannelFlag(ChannelFlag.Kind.OVER_USED, "falling", List.of(channel.posts(),
					this.window.toDays(), formatMedian(medianPosts), Math.round(before), Math.round(rate))));
		}
		if (rate != null && organisationReadRate != null && organisationReadRate - rate >= this.lowReachGap) {
			flags.add(new ChannelFlag(ChannelFlag.Kind.LOW_REACH, "below",
					List.of(Math.round(rate), Math.round(organisationReadRate))));
		}
		return flags;
	}

	/**
	 * The median of some counts (the mean of the two middle ones for an even number), 0
	 * for none.
	 */
	static double median(List<Integer> counts) {
		if (counts.isEmpty()) {
			return 0;
		}
		List<Integer> sorted = counts.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	private static String formatMedian(double median) {
		return (median == Math.rint(median)) ? Long.toString((long) median) : Double.toString(median);
	}

}
