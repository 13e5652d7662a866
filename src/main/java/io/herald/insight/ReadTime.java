package io.herald.insight;

import java.time.Duration;
import java.util.List;

/**
 * How long people took to read, as one of the buckets Insight counts reads in: "within"
 * the bucket's upper bound, or, for the last bucket, 30 days or more. Medians are told
 * this way ("half read within 2 hours"), which is exact for the counted buckets.
 *
 * @param bucket the bucket's number, 0 (under 5 minutes) to 15 (30 days or more)
 */
public record ReadTime(int bucket) {

	/**
	 * Upper bounds of the buckets, exclusive; the last bucket has none.
	 */
	static final List<Duration> BOUNDS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
			Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
			Duration.ofDays(14), Duration.ofDays(30));

	static final int BUCKETS = BOUNDS.size() + 1;

	public ReadTime {
		if (bucket < 0 || bucket >= BUCKETS) {
			throw new IllegalArgumentException("No read-time bucket " + bucket);
		}
	}

	/**
	 * The bucket of a time from delivery to first reading (negative ones count as
	 * instant).
	 */
	static int bucketOf(Duration latency) {
		for (int i = 0; i < BOUNDS.size(); i++) {
			if (latency.compareTo(BOUNDS.get(i)) < 0) {
				return i;
			}
		}
		return BOUNDS.size();
	}

	/**
	 * The bucket as SQL over a latency in seconds, the same rule as
	 * {@link #bucketOf(Duration)}.
	 */
	static String sql(String seconds) {
		StringBuilder sql = new StringBuilder("case");
		for (int i = 0; i < BOUNDS.size(); i++) {
			sql.append(" when ")
				.append(seconds)
				.append(" < ")
				.append(BOUNDS.get(i).toSeconds())
				.append(" then ")
				.append(i);
		}
		return sql.append(" else ").append(BOUNDS.size()).append(" end").toString();
	}

	/**
	 * The median of a histogram of reads per bucket: the bucket holding the middle read
	 * (the lower one of the two middle reads for an even count), or {@code null} without
	 * reads.
	 */
	static ReadTime median(long[] reads) {
		long total = 0;
		for (long count : reads) {
			total += count;
		}
		if (total == 0) {
			return null;
		}
		long middle = (total + 1) / 2;
		long seen = 0;
		for (int i = 0; i < reads.length; i++) {
			seen += reads[i];
			if (seen >= middle) {
				return new ReadTime(i);
			}
		}
		throw new IllegalStateException("unreachable");
	}

	/**
	 * The upper bound, or the lower one for the last bucket (see {@link #orLonger()}).
	 */
	public Duration within() {
		return (this.bucket < BOUNDS.size()) ? BOUNDS.get(this.bucket) : BOUNDS.get(BOUNDS.size() - 1);
	}

	/**
	 * Whether this is the open-ended last bucket: 30 days or more.
	 */
	public boolean orLonger() {
		return this.bucket == BOUNDS.size();
	}

	/**
	 * The message key and number that word it: "within 15 minutes", "within 2 hours",
	 * "within 3 days", "30 days or more".
	 */
	public String key() {
		if (orLonger()) {
			return "insight.readTime.orLonger";
		}
		Duration within = within();
		if (within.toDays() >= 1) {
			return "insight.readTime.days";
		}
		return (within.toHours() >= 1) ? "insight.readTime.hours" : "insight.readTime.minutes";
	}

	/**
	 * The message key of the short form, for a tile: "within 15 min", "within 2 h".
	 */
	public String shortKey() {
		return key().replace("insight.readTime.", "insight.readTime.short.");
	}

	public long amount() {
		Duration within = within();
		if (within.toDays() >= 1) {
			return within.toDays();
		}
		return (within.toHours() >= 1) ? within.toHours() : within.toMinutes();
	}

}
