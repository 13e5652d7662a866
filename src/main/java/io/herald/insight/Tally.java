package io.herald.insight;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.herald.insight.InsightQueries.Counted;
import io.herald.insight.InsightQueries.Key;

/**
 * Adds counted rows up into {@link Figures}: overdue and due later worked out per row as
 * the tracking page does (once a post's due time has passed, everyone still owing is
 * overdue, before it they owe it later; late joiners count by their own due times), and
 * the largest audience any one post had in the group for the privacy rule.
 */
final class Tally {

	private final Map<Long, Long> audiences = new HashMap<>();

	private long recipients;

	private long read;

	private long required;

	private long acknowledged;

	private long onTime;

	private long overdue;

	private long dueLater;

	void add(Counted row, Map<Key, long[]> late, Instant now) {
		long[] lateOnes = late.getOrDefault(new Key(row.post().id(), row.departmentId(), row.locationId()),
				new long[3]);
		this.audiences.merge(row.post().id(), row.delivered(), Long::sum);
		this.recipients += row.delivered();
		this.read += row.read();
		if (row.post().ackRequired()) {
			this.required += row.delivered();
			this.acknowledged += row.acknowledged();
			this.onTime += row.onTime();
			long others = Math.max(0, row.delivered() - row.acknowledged() - lateOnes[0]);
			this.overdue += (row.post().duePassed(now) ? others : 0) + lateOnes[1];
			this.dueLater += (row.post().dueLater(now) ? others : 0) + lateOnes[2];
		}
	}

	Figures figures(int minimumGroupSize) {
		long posts = this.audiences.values().stream().filter((delivered) -> delivered > 0).count();
		long largest = this.audiences.values().stream().mapToLong(Long::longValue).max().orElse(0);
		return new Figures(posts, this.recipients, this.read, this.required, this.acknowledged, this.onTime,
				this.overdue, this.dueLater, largest, false)
			.hiddenBelow(minimumGroupSize);
	}

}
