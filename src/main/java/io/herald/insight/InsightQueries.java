package io.herald.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.DeliverySql;
import io.herald.announcement.Priority;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the dashboards, over the roll-up ({@code insight_counts},
 * {@code insight_read_times}) and the announcements, never over all deliveries. Only late
 * joiners (who carry due times of their own, found by a partial index) and the overdue
 * people of a drill-down are read from the deliveries.
 */
@Component
class InsightQueries {

	// Every statement counts the posts that went out in [:from, :to), on :channel, of
	// :priority, for :department and :location (null: any), but for the :excluded ones.

	private static final String COUNTS_BY_CELL = """
			select a.id, a.title, a.channel_id, a.priority, a.published_at, a.ack_required, a.ack_due_at,
			       k.department_id, k.location_id, k.delivered, k.read_count, k.acknowledged, k.acknowledged_on_time
			from announcements a join insight_counts k on k.announcement_id = a.id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and (cast(:department as bigint) is null or k.department_id = :department)
			  and (cast(:location as bigint) is null or k.location_id = :location)
			  and a.id <> all(:excluded)
			""";

	// Everyone counted: the per-post sums, one row a post.
	private static final String COUNTS_BY_POST = """
			select a.id, a.title, a.channel_id, a.priority, a.published_at, a.ack_required, a.ack_due_at,
			       -1 as department_id, -1 as location_id,
			       k.delivered, k.read_count, k.acknowledged, k.acknowledged_on_time
			from announcements a join insight_post_counts k on k.announcement_id = a.id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and a.id <> all(:excluded)
			""";

	private static final String COUNTS_BY_POST_IN_CELLS = """
			select a.id, a.title, a.channel_id, a.priority, a.published_at, a.ack_required, a.ack_due_at,
			       -1 as department_id, -1 as location_id,
			       sum(k.delivered) as delivered, sum(k.read_count) as read_count, sum(k.acknowledged) as acknowledged,
			       sum(k.acknowledged_on_time) as acknowledged_on_time
			from announcements a join insight_counts k on k.announcement_id = a.id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and (cast(:department as bigint) is null or k.department_id = :department)
			  and (cast(:location as bigint) is null or k.location_id = :location)
			  and a.id <> all(:excluded)
			group by a.id, a.title, a.channel_id, a.priority, a.published_at, a.ack_required, a.ack_due_at
			""";

	// Late joiners who have not acknowledged the revision asked for, per post and cell.
	private static final String LATE = """
			select d.announcement_id, coalesce(d.department_id, 0) as department_id,
			       coalesce(d.location_id, 0) as location_id, count(*) as owing,
			       sum(case when %1$s < :now then 1 else 0 end) as overdue,
			       sum(case when %1$s >= :now then 1 else 0 end) as due_later
			from deliveries d join announcements a on a.id = d.announcement_id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and (cast(:department as bigint) is null or coalesce(d.department_id, 0) = :department)
			  and (cast(:location as bigint) is null or coalesce(d.location_id, 0) = :location)
			  and a.id <> all(:excluded)
			  and a.ack_required = true and d.late_joiner = true
			  and (d.acknowledged_at is null or d.acknowledged_revision is null
			       or d.acknowledged_revision < a.ack_revision)
			group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0)
			""".formatted(DeliverySql.EFFECTIVE_DUE);

	// Everyone counted: the per-post read times.
	private static final String READ_TIMES_BY_POST = """
			select a.channel_id, t.bucket, sum(t.reads) as reads
			from insight_post_read_times t join announcements a on a.id = t.announcement_id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and a.id <> all(:excluded)
			group by a.channel_id, t.bucket
			""";

	private static final String READ_TIMES_IN_CELLS = """
			select a.channel_id, t.bucket, sum(t.reads) as reads
			from insight_read_times t join announcements a on a.id = t.announcement_id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and (cast(:department as bigint) is null or t.department_id = :department)
			  and (cast(:location as bigint) is null or t.location_id = :location)
			  and a.id <> all(:excluded)
			group by a.channel_id, t.bucket
			""";

	// All published posts, whoever they reached.
	private static final String CHANNEL_POSTS = """
			select a.channel_id, max(a.published_at) as last_post,
			       sum(case when a.published_at >= :since then 1 else 0 end) as recent
			from announcements a
			where a.status in ('PUBLISHED', 'ARCHIVED') and a.published_at is not null and a.id <> all(:excluded)
			group by a.channel_id
			""";

	private static final String OVERDUE = """
			select d.employee_id, coalesce(d.location_id, 0) as location_id, a.id as announcement_id, a.title,
			       %1$s as due_at
			from deliveries d join announcements a on a.id = d.announcement_id
			where a.published_at >= :from and a.published_at < :to and a.status in ('PUBLISHED', 'ARCHIVED')
			  and (cast(:channel as bigint) is null or a.channel_id = :channel)
			  and (cast(:priority as varchar(16)) is null or a.priority = :priority)
			  and (cast(:department as bigint) is null or coalesce(d.department_id, 0) = :department)
			  and (cast(:location as bigint) is null or coalesce(d.location_id, 0) = :location)
			  and a.id <> all(:excluded)
			  and a.ack_required = true
			  and (d.acknowledged_at is null or d.acknowledged_revision is null
			       or d.acknowledged_revision < a.ack_revision)
			  and %1$s < :now
			order by due_at, d.employee_id, a.id
			limit :limit
			""".formatted(DeliverySql.EFFECTIVE_DUE);

	private final JdbcClient jdbc;

	InsightQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Posts published in a time range, on a channel, of a priority, counted for a
	 * department and/or location, but for the posts {@code excluded} (drills).
	 */
	record Scope(Instant from, Instant to, Long channelId, Long departmentId, Long locationId, Priority priority,
			Set<Long> excluded) {

		Scope {
			excluded = Set.copyOf(excluded);
		}

		boolean everyone() {
			return this.departmentId == null && this.locationId == null;
		}

	}

	record Post(long id, String title, long channelId, Priority priority, Instant publishedAt, boolean ackRequired,
			Instant ackDueAt) {

		boolean duePassed(Instant now) {
			return this.ackRequired && this.ackDueAt != null && this.ackDueAt.isBefore(now);
		}

		/**
		 * Whether its acknowledgements are still inside their window: a post asking for
		 * one without a due time owes it from the start.
		 */
		boolean dueLater(Instant now) {
			return this.ackRequired && this.ackDueAt != null && !this.ackDueAt.isBefore(now);
		}

	}

	/**
	 * One post's counts for one department and location, or for everyone the scope counts
	 * ({@code -1} for both).
	 */
	record Counted(Post post, long departmentId, long locationId, long delivered, long read, long acknowledged,
			long onTime) {

	}

	record Key(long announcementId, long departmentId, long locationId) {

	}

	/**
	 * The counts in the scope, per post and cell (department and location) or per post.
	 */
	List<Counted> counts(Scope scope, boolean byCell) {
		String sql = byCell ? COUNTS_BY_CELL : scope.everyone() ? COUNTS_BY_POST : COUNTS_BY_POST_IN_CELLS;
		Map<Long, Post> posts = new HashMap<>();
		return scoped(sql, scope).query((rs, n) -> {
			Post post = posts.computeIfAbsent(rs.getLong("id"), (id) -> post(rs));
			return new Counted(post, rs.getLong("department_id"), rs.getLong("location_id"), rs.getLong("delivered"),
					rs.getLong("read_count"), rs.getLong("acknowledged"), rs.getLong("acknowledged_on_time"));
		}).list();
	}

	/**
	 * Late joiners still owing an acknowledgement in the scope, per post and cell or per
	 * post: how many, how many of them are past their own due time now, and how many
	 * still have time.
	 */
	Map<Key, long[]> late(Scope scope, boolean byCell, Instant now) {
		Map<Key, long[]> late = new HashMap<>();
		// Late joiners are few: their cells are summed here for the per-post figures.
		scoped(LATE, scope).param("now", Timestamp.from(now)).query((ResultSet rs) -> {
			Key key = byCell
					? new Key(rs.getLong("announcement_id"), rs.getLong("department_id"), rs.getLong("location_id"))
					: new Key(rs.getLong("announcement_id"), -1, -1);
			long[] sums = late.computeIfAbsent(key, (k) -> new long[3]);
			sums[0] += rs.getLong("owing");
			sums[1] += rs.getLong("overdue");
			sums[2] += rs.getLong("due_later");
		});
		return late;
	}

	/**
	 * Reads per time-to-read bucket in the scope.
	 */
	long[] readTimes(Scope scope) {
		long[] reads = new long[ReadTime.BUCKETS];
		readTimesByChannel(scope).values().forEach((channel) -> {
			for (int bucket = 0; bucket < reads.length; bucket++) {
				reads[bucket] += channel[bucket];
			}
		});
		return reads;
	}

	/**
	 * Reads per channel and time-to-read bucket in the scope: from the per-post read
	 * times when the scope counts everyone, else from the detailed ones.
	 */
	Map<Long, long[]> readTimesByChannel(Scope scope) {
		Map<Long, long[]> reads = new HashMap<>();
		scoped(scope.everyone() ? READ_TIMES_BY_POST : READ_TIMES_IN_CELLS, scope).query((ResultSet rs) -> {
			long[] channel = reads.computeIfAbsent(rs.getLong("channel_id"), (id) -> new long[ReadTime.BUCKETS]);
			channel[rs.getInt("bucket")] = rs.getLong("reads");
		});
		return reads;
	}

	/**
	 * Per channel: its last post ever and its posts since {@code since} (all published
	 * posts, whoever they reached, but for the {@code excluded} ones).
	 */
	Map<Long, ChannelPosts> channelPosts(Instant since, Set<Long> excluded) {
		Map<Long, ChannelPosts> posts = new HashMap<>();
		this.jdbc.sql(CHANNEL_POSTS)
			.param("since", Timestamp.from(since))
			.param("excluded", excluded.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				posts.put(rs.getLong("channel_id"),
						new ChannelPosts(rs.getTimestamp("last_post").toInstant(), rs.getInt("recent")));
			});
		return posts;
	}

	record ChannelPosts(Instant lastPost, int recent) {

	}

	record Overdue(long employeeId, long locationId, long announcementId, String title, Instant dueAt) {

	}

	/**
	 * Who owes an acknowledgement past due now, in the scope, longest overdue first.
	 * @param limit the most rows, or 0 for all
	 */
	List<Overdue> overdue(Scope scope, Instant now, int limit) {
		return scoped(OVERDUE, scope).param("now", Timestamp.from(now))
			// H2 refuses LIMIT NULL: "all" is a limit no listing reaches.
			.param("limit", (limit > 0) ? limit : Integer.MAX_VALUE)
			.query((rs, n) -> new Overdue(rs.getLong("employee_id"), rs.getLong("location_id"),
					rs.getLong("announcement_id"), rs.getString("title"), rs.getTimestamp("due_at").toInstant()))
			.list();
	}

	private JdbcClient.StatementSpec scoped(String sql, Scope scope) {
		return this.jdbc.sql(sql)
			.param("from", Timestamp.from(scope.from()))
			.param("to", Timestamp.from(scope.to()))
			.param("channel", scope.channelId(), Types.BIGINT)
			.param("priority", (scope.priority() != null) ? scope.priority().name() : null, Types.VARCHAR)
			.param("department", scope.departmentId(), Types.BIGINT)
			.param("location", scope.locationId(), Types.BIGINT)
			.param("excluded", scope.excluded().toArray(Long[]::new));
	}

	private static Post post(ResultSet rs) {
		try {
			Timestamp due = rs.getTimestamp("ack_due_at");
			return new Post(rs.getLong("id"), rs.getString("title"), rs.getLong("channel_id"),
					Priority.valueOf(rs.getString("priority")), rs.getTimestamp("published_at").toInstant(),
					rs.getBoolean("ack_required"), (due != null) ? due.toInstant() : null);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
