package io.herald.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.DeliverySql;
import io.herald.announcement.Priority;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the dashboards, over the roll-up ({@code insight_counts},
 * {@code insight_read_times}) and the announcements, never over all deliveries. Only late
 * joiners (who carry due times of their own, found by a partial index) and the overdue
 * people of a drill-down are read from the deliveries.
 */
@Component
class InsightQueries {

	static final String WENT_OUT = "a.status in ('PUBLISHED', 'ARCHIVED')";

	static final String NOT_ACKNOWLEDGED = "(d.acknowledged_at is null or d.acknowledged_revision is null "
			+ "or d.acknowledged_revision < a.ack_revision)";

	private static final String POST = "a.id, a.title, a.channel_id, a.priority, a.published_at, a.ack_required, "
			+ "a.ack_due_at";

	private final JdbcTemplate jdbc;

	InsightQueries(JdbcTemplate jdbc) {
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
		List<Object> arguments = new ArrayList<>();
		String where = where(scope, arguments, "k.department_id", "k.location_id");
		String sql;
		if (byCell) {
			sql = "select " + POST + ", k.department_id, k.location_id, k.delivered, k.read_count, k.acknowledged, "
					+ "k.acknowledged_on_time from announcements a join insight_counts k on k.announcement_id = a.id"
					+ where;
		}
		else if (scope.departmentId() == null && scope.locationId() == null) {
			sql = "select " + POST + ", -1, -1, k.delivered, k.read_count, k.acknowledged, k.acknowledged_on_time "
					+ "from announcements a join insight_post_counts k on k.announcement_id = a.id" + where;
		}
		else {
			sql = "select " + POST + ", -1, -1, sum(k.delivered), sum(k.read_count), sum(k.acknowledged), "
					+ "sum(k.acknowledged_on_time) from announcements a join insight_counts k "
					+ "on k.announcement_id = a.id" + where + " group by " + POST;
		}
		Map<Long, Post> posts = new HashMap<>();
		return this.jdbc.query(sql, (rs, n) -> {
			Post post = posts.computeIfAbsent(rs.getLong(1), (id) -> post(rs));
			return new Counted(post, rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
					rs.getLong(13));
		}, arguments.toArray());
	}

	/**
	 * Late joiners still owing an acknowledgement in the scope, per post and cell or per
	 * post: how many, how many of them are past their own due time now, and how many
	 * still have time.
	 */
	Map<Key, long[]> late(Scope scope, boolean byCell, Instant now) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(Timestamp.from(now));
		arguments.add(Timestamp.from(now));
		String cell = byCell ? "coalesce(d.department_id, 0), coalesce(d.location_id, 0)" : "-1, -1";
		String where = where(scope, arguments, "coalesce(d.department_id, 0)", "coalesce(d.location_id, 0)");
		Map<Key, long[]> late = new HashMap<>();
		this.jdbc.query("select d.announcement_id, " + cell + ", count(*), sum(case when " + DeliverySql.EFFECTIVE_DUE
				+ " < ? then 1 else 0 end), sum(case when " + DeliverySql.EFFECTIVE_DUE
				+ " >= ? then 1 else 0 end) from deliveries d join announcements a on a.id = d.announcement_id" + where
				+ " and a.ack_required = true and d.late_joiner = true and " + NOT_ACKNOWLEDGED
				+ " group by d.announcement_id" + (byCell ? ", " + cell : ""), (ResultSet rs) -> {
					late.put(new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
							new long[] { rs.getLong(4), rs.getLong(5), rs.getLong(6) });
				}, arguments.toArray());
		return late;
	}

	/**
	 * Reads per time-to-read bucket in the scope.
	 */
	long[] readTimes(Scope scope) {
		List<Object> arguments = new ArrayList<>();
		String where = where(scope, arguments, "t.department_id", "t.location_id");
		long[] reads = new long[ReadTime.BUCKETS];
		this.jdbc.query("select t.bucket, sum(t.reads) from " + readTimesTable(scope) + " t join announcements a "
				+ "on a.id = t.announcement_id" + where + " group by t.bucket", (ResultSet rs) -> {
					reads[rs.getInt(1)] = rs.getLong(2);
				}, arguments.toArray());
		return reads;
	}

	/**
	 * Reads per channel and time-to-read bucket in the scope.
	 */
	Map<Long, long[]> readTimesByChannel(Scope scope) {
		List<Object> arguments = new ArrayList<>();
		String where = where(scope, arguments, "t.department_id", "t.location_id");
		Map<Long, long[]> reads = new HashMap<>();
		this.jdbc.query(
				"select a.channel_id, t.bucket, sum(t.reads) from " + readTimesTable(scope) + " t join announcements a "
						+ "on a.id = t.announcement_id" + where + " group by a.channel_id, t.bucket",
				(ResultSet rs) -> {
					reads.computeIfAbsent(rs.getLong(1), (id) -> new long[ReadTime.BUCKETS])[rs.getInt(2)] = rs
						.getLong(3);
				}, arguments.toArray());
		return reads;
	}

	/**
	 * Per channel: its last post ever and its posts since {@code since} (all published
	 * posts, whoever they reached, but for the {@code excluded} ones).
	 */
	Map<Long, ChannelPosts> channelPosts(Instant since, Set<Long> excluded) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(Timestamp.from(since));
		Map<Long, ChannelPosts> posts = new HashMap<>();
		this.jdbc
			.query("select a.channel_id, max(a.published_at), sum(case when a.published_at >= ? then 1 else 0 end) "
					+ "from announcements a where " + WENT_OUT + " and a.published_at is not null"
					+ excluding(excluded, arguments) + " group by a.channel_id", (ResultSet rs) -> {
						posts.put(rs.getLong(1), new ChannelPosts(rs.getTimestamp(2).toInstant(), rs.getInt(3)));
					}, arguments.toArray());
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
		List<Object> arguments = new ArrayList<>();
		String where = where(scope, arguments, "coalesce(d.department_id, 0)", "coalesce(d.location_id, 0)");
		arguments.add(Timestamp.from(now));
		String sql = "select d.employee_id, coalesce(d.location_id, 0), a.id, a.title, " + DeliverySql.EFFECTIVE_DUE
				+ " as due_at from deliveries d join announcements a on a.id = d.announcement_id" + where
				+ " and a.ack_required = true and " + NOT_ACKNOWLEDGED + " and " + DeliverySql.EFFECTIVE_DUE
				+ " < ? order by due_at, d.employee_id, a.id";
		if (limit > 0) {
			sql += " limit ?";
			arguments.add(limit);
		}
		return this.jdbc.query(sql, (rs, n) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
				rs.getTimestamp(5).toInstant()), arguments.toArray());
	}

	/**
	 * The per-post read times when the scope counts everyone, else the detailed ones.
	 */
	private static String readTimesTable(Scope scope) {
		return (scope.departmentId() == null && scope.locationId() == null) ? "insight_post_read_times"
				: "insight_read_times";
	}

	private static String where(Scope scope, List<Object> arguments, String department, String location) {
		StringBuilder where = new StringBuilder(" where a.published_at >= ? and a.published_at < ? and " + WENT_OUT);
		arguments.add(Timestamp.from(scope.from()));
		arguments.add(Timestamp.from(scope.to()));
		if (scope.channelId() != null) {
			where.append(" and a.channel_id = ?");
			arguments.add(scope.channelId());
		}
		if (scope.priority() != null) {
			where.append(" and a.priority = ?");
			arguments.add(scope.priority().name());
		}
		if (scope.departmentId() != null) {
			where.append(" and ").append(department).append(" = ?");
			arguments.add(scope.departmentId());
		}
		if (scope.locationId() != null) {
			where.append(" and ").append(location).append(" = ?");
			arguments.add(scope.locationId());
		}
		return where.append(excluding(scope.excluded(), arguments)).toString();
	}

	private static String excluding(Set<Long> excluded, List<Object> arguments) {
		if (excluded.isEmpty()) {
			return "";
		}
		arguments.addAll(excluded);
		return " and a.id not in (" + String.join(", ", Collections.nCopies(excluded.size(), "?")) + ")";
	}

	private static Post post(ResultSet rs) {
		try {
			Timestamp due = rs.getTimestamp(7);
			return new Post(rs.getLong(1), rs.getString(2), rs.getLong(3), Priority.valueOf(rs.getString(4)),
					rs.getTimestamp(5).toInstant(), rs.getBoolean(6), (due != null) ? due.toInstant() : null);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
