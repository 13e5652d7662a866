package io.herald.tracking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.herald.announcement.DeliverySql;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a post is tracked, for HR, administrators and the managers of its channel (anyone
 * else gets {@link TrackingNotFound}): the figures from the post's counters in
 * {@code delivery_counts}, never a count over its deliveries, with overdue late joiners
 * (who have their own due times) counted one by one; time-to-read from the post's read
 * deliveries; the recipient list a page at a time, and all of it as CSV.
 */
@Service
public class TrackingReports {

	static final String[] CSV_HEADER = { "name", "email", "department", "location", "status", "read_at",
			"acknowledged_at", "ack_due_at" };

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final int CHUNK = 1000;

	// Seconds from delivery to first reading, portable to PostgreSQL and H2.
	private static final String LATENCY = "extract(epoch from d.read_at) - extract(epoch from d.delivered_at)";

	// Sorted by name in the database, so a page is one indexed range of the post's
	// deliveries whatever its size. The filter's conditions and the page go in the
	// two slots.
	private static final String RECIPIENTS = """
			select d.employee_id, coalesce(d.department_id, 0) as department_id,
			  coalesce(d.location_id, 0) as location_id, d.read_at, d.acknowledged_at, a.ack_required,
			  case when %s then 1 else 0 end as acknowledged, %s as due_at
			from deliveries d join announcements a on a.id = d.announcement_id
			  left join employees e on e.id = d.employee_id
			where d.announcement_id = :announcement%%s
			order by e.last_name, e.first_name, d.employee_id%%s""".formatted(Receipt.ACKNOWLEDGED,
			DeliverySql.EFFECTIVE_DUE);

	private final JdbcClient jdbc;

	private final TrackingAccess access;

	private final ReminderThrottle reminders;

	private final EmployeeDirectory directory;

	private final Clock clock;

	TrackingReports(JdbcClient jdbc, TrackingAccess access, ReminderThrottle reminders, EmployeeDirectory directory,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.reminders = reminders;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The figures of a post: totals, by department, by location, time-to-read and the
	 * last reminder. A fixed number of statements whatever the audience's size.
	 * @throws TrackingNotFound when the caller may not track it
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public TrackingReport report(long announcementId) {
		TrackedPost post = this.access.require(announcementId);
		Instant now = this.clock.instant();
		Map<Cell, TrackingFigures> cells = cells(post, now);
		Names names = names();
		TrackingFigures totals = cells.values().stream().reduce(TrackingFigures.NONE, TrackingFigures::plus);
		List<TrackingBreakdown> byDepartment = breakdown(cells, Cell::departmentId, names.departments());
		List<TrackingBreakdown> byLocation = breakdown(cells, Cell::locationId, names.locations());
		Duration[] timeToRead = timeToRead(announcementId);
		return new TrackingReport(post.id(), post.title(), post.priority(), post.status(), post.publishedAt(),
				post.ackRequired(), post.ackDueAt(), post.expired(now), totals, byDepartment, byLocation, timeToRead[0],
				timeToRead[1], reminderState(announcementId, now));
	}

	/**
	 * A page of a post's recipients in name order, with their status: a fixed number of
	 * statements whatever the page size.
	 * @throws TrackingNotFound when the caller may not track it
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<TrackedRecipient> recipients(long announcementId, RecipientQuery query, Pageable pageable) {
		this.access.require(announcementId);
		Instant now = this.clock.instant();
		Map<String, Object> parameters = new HashMap<>(Map.of("announcement", announcementId));
		String where = where(query, now, parameters);
		Long total = countFromCounters(announcementId, query).orElseGet(() -> this.jdbc.sql("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement%s""".formatted(where))
			.params(parameters)
			.query(Long.class)
			.single());
		List<Row> rows = this.jdbc.sql(RECIPIENTS.formatted(where, " limit :limit offset :offset"))
			.params(parameters)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> Row.of(rs))
			.list();
		return new PageImpl<>(named(rows, names(), now), pageable, (total != null) ? total : 0);
	}

	/**
	 * Every recipient the query selects, in name order, as CSV: UTF-8 with a BOM (so
	 * spreadsheets read every alphabet right), CRLF line ends, times in ISO-8601 UTC,
	 * formula-like cells made inert.
	 * @throws TrackingNotFound when the caller may not track it
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public byte[] csv(long announcementId, RecipientQuery query) {
		this.access.require(announcementId);
		Instant now = this.clock.instant();
		Map<String, Object> parameters = new HashMap<>(Map.of("announcement", announcementId));
		String where = where(query, now, parameters);
		List<Row> rows = this.jdbc.sql(RECIPIENTS.formatted(where, ""))
			.params(parameters)
			.query((rs, n) -> Row.of(rs))
			.list();
		Names names = names();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024 + rows.size() * 96);
		bytes.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSV)) {
			printer.printRecord((Object[]) CSV_HEADER);
			for (int from = 0; from < rows.size(); from += CHUNK) {
				for (TrackedRecipient r : named(rows.subList(from, Math.min(from + CHUNK, rows.size())), names, now)) {
					printer.printRecord(cell(r.name()), cell(r.email()), cell(r.department()), cell(r.location()),
							r.status().name(), time(r.readAt()), time(r.acknowledgedAt()), time(r.dueAt()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The post's figures per department and location as they stood at delivery.
	 */
	private Map<Cell, TrackingFigures> cells(TrackedPost post, Instant now) {
		Map<Cell, long[]> late = new HashMap<>();
		if (post.ackRequired()) {
			// Late joiners carry their own due times: the few still owing an
			// acknowledgement are counted one by one (a partial index finds them).
			this.jdbc
				.sql("""
						select coalesce(d.department_id, 0) as department_id, coalesce(d.location_id, 0) as location_id,
						  count(*) as owing, sum(case when %s < :now then 1 else 0 end) as overdue
						from deliveries d join announcements a on a.id = d.announcement_id
						where d.announcement_id = :announcement and d.late_joiner = true and %s
						group by coalesce(d.department_id, 0), coalesce(d.location_id, 0)"""
					.formatted(DeliverySql.EFFECTIVE_DUE, TrackedPost.NOT_ACKNOWLEDGED))
				.param("now", Timestamp.from(now))
				.param("announcement", post.id())
				.query((ResultSet rs) -> {
					late.put(new Cell(rs.getLong("department_id"), rs.getLong("location_id")),
							new long[] { rs.getLong("owing"), rs.getLong("overdue") });
				});
		}
		boolean duePassed = post.duePassed(now);
		Map<Cell, TrackingFigures> cells = new LinkedHashMap<>();
		this.jdbc.sql("""
				select department_id, location_id, sum(delivered) as delivered, sum(read_count) as read_count,
				  sum(acknowledged) as acknowledged, sum(acknowledged_on_time) as acknowledged_on_time
				from delivery_counts where announcement_id = :announcement
				group by department_id, location_id""").param("announcement", post.id()).query((ResultSet rs) -> {
			Cell cell = new Cell(rs.getLong("department_id"), rs.getLong("location_id"));
			long delivered = rs.getLong("delivered");
			long read = rs.getLong("read_count");
			long acknowledged = post.ackRequired() ? rs.getLong("acknowledged") : 0;
			long onTime = post.ackRequired() ? rs.getLong("acknowledged_on_time") : 0;
			long overdue = 0;
			if (post.ackRequired()) {
				long[] lateOnes = late.getOrDefault(cell, new long[2]);
				// Everyone else shares the post's due time: once it has
				// passed, all of them still owing are overdue.
				long others = delivered - acknowledged - lateOnes[0];
				overdue = (duePassed ? others : 0) + lateOnes[1];
			}
			cells.put(cell, new TrackingFigures(delivered, read, acknowledged, onTime, overdue));
		});
		return cells;
	}

	private static List<TrackingBreakdown> breakdown(Map<Cell, TrackingFigures> cells, Function<Cell, Long> key,
			Map<Long, String> names) {
		Map<Long, TrackingFigures> grouped = new HashMap<>();
		cells.forEach((cell, figures) -> grouped.merge(key.apply(cell), figures, TrackingFigures::plus));
		return grouped.entrySet()
			.stream()
			.map((e) -> (e.getKey() == 0) ? new TrackingBreakdown(null, null, e.getValue())
					: new TrackingBreakdown(e.getKey(), names.get(e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(TrackingBreakdown::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
				.thenComparing(TrackingBreakdown::id, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private Duration[] timeToRead(long announcementId) {
		Duration[] result = new Duration[2];
		this.jdbc
			.sql("""
					select percentile_cont(0.5) within group (order by %1$s) as median,
					  percentile_cont(0.9) within group (order by %1$s) as ninetieth
					from deliveries d where d.announcement_id = :announcement and d.read_at is not null"""
				.formatted(LATENCY))
			.param("announcement", announcementId)
			.query((ResultSet rs) -> {
				result[0] = seconds(rs, "median");
				result[1] = seconds(rs, "ninetieth");
			});
		return result;
	}

	private ReminderState reminderState(long announcementId, Instant now) {
		return this.reminders.last(announcementId).map((last) -> {
			EmployeeSummary by = this.directory.findSummaries(List.of(last.by())).get(last.by());
			return new ReminderState(last.at(), (by != null) ? by.displayName() : null, last.reminded(),
					last.availableAt(), !last.availableAt().isAfter(now));
		}).orElse(new ReminderState(null, null, null, null, true));
	}

	/**
	 * How many recipients the query selects, from the counters where they can say it:
	 * everything but "overdue", which depends on each delivery's due time.
	 */
	private Optional<Long> countFromCounters(long announcementId, RecipientQuery query) {
		String counted = switch (query.status()) {
			case ALL -> "k.delivered";
			case NOT_READ -> "k.delivered - k.read_count";
			case ACKNOWLEDGED -> "case when a.ack_required = true then k.acknowledged else 0 end";
			case NOT_ACKNOWLEDGED -> "case when a.ack_required = true then k.delivered - k.acknowledged else 0 end";
			case OVERDUE -> null;
		};
		if (counted == null) {
			return Optional.empty();
		}
		boolean byDepartment = query.departmentId() != null;
		return Optional.ofNullable(this.jdbc
			.sql("""
					select coalesce(sum(%s), 0)
					from delivery_counts k join announcements a on a.id = k.announcement_id
					where k.announcement_id = :announcement%s""".formatted(counted,
					byDepartment ? " and k.department_id = :department" : ""))
			.param("announcement", announcementId)
			.params(byDepartment ? Map.of("department", query.departmentId()) : Map.of())
			.query(Long.class)
			.single());
	}

	private static String where(RecipientQuery query, Instant now, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder();
		switch (query.status()) {
			case NOT_READ -> where.append(" and d.read_at is null");
			case NOT_ACKNOWLEDGED ->
				where.append(" and a.ack_required = true and %s".formatted(TrackedPost.NOT_ACKNOWLEDGED));
			case OVERDUE -> {
				where.append(" and a.ack_required = true and %s and %s < :now".formatted(TrackedPost.NOT_ACKNOWLEDGED,
						DeliverySql.EFFECTIVE_DUE));
				parameters.put("now", Timestamp.from(now));
			}
			case ACKNOWLEDGED -> where.append(" and a.ack_required = true and %s".formatted(Receipt.ACKNOWLEDGED));
			case ALL -> {
			}
		}
		if (query.departmentId() != null && query.departmentId() == 0) {
			where.append(" and d.department_id is null");
		}
		else if (query.departmentId() != null) {
			where.append(" and d.department_id = :department");
			parameters.put("department", query.departmentId());
		}
		return where.toString();
	}

	/**
	 * The rows with names: one directory look-up for all of them.
	 */
	private List<TrackedRecipient> named(List<Row> rows, Names names, Instant now) {
		Map<Long, EmployeeSummary> people = rows.isEmpty() ? Map.of()
				: this.directory.findSummaries(rows.stream().map(Row::employeeId).toList());
		return rows.stream().map((row) -> {
			EmployeeSummary person = people.get(row.employeeId());
			return new TrackedRecipient(row.employeeId(),
					(person != null) ? person.displayName() : Long.toString(row.employeeId()),
					(person != null) ? person.email() : null, names.departments().get(row.departmentId()),
					names.locations().get(row.locationId()), row.readAt(),
					row.acknowledged() ? row.acknowledgedAt() : null, row.ackRequired() ? row.dueAt() : null,
					row.status(now));
		}).toList();
	}

	private Names names() {
		return new Names(byId(this.directory.departmentOptions()), byId(this.directory.locationOptions()));
	}

	private static Map<Long, String> byId(List<DirectoryOption> options) {
		Map<Long, String> names = new HashMap<>();
		options.forEach((option) -> names.put(option.id(), option.name()));
		return names;
	}

	private static Duration seconds(ResultSet rs, String column) throws SQLException {
		double seconds = rs.getDouble(column);
		return rs.wasNull() ? null : Duration.ofMillis(Math.round(seconds * 1000));
	}

	private static String cell(String value) {
		return SpreadsheetCells.neutralise(value);
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private record Cell(long departmentId, long locationId) {

	}

	private record Names(Map<Long, String> departments, Map<Long, String> locations) {

	}

	private record Row(long employeeId, long departmentId, long locationId, Instant readAt, Instant acknowledgedAt,
			boolean ackRequired, boolean acknowledged, Instant dueAt) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(rs.getLong("employee_id"), rs.getLong("department_id"), rs.getLong("location_id"),
					instant(rs.getTimestamp("read_at")), instant(rs.getTimestamp("acknowledged_at")),
					rs.getBoolean("ack_required"), rs.getInt("acknowledged") == 1, instant(rs.getTimestamp("due_at")));
		}

		RecipientStatus status(Instant now) {
			if (this.ackRequired && this.acknowledged) {
				return (this.dueAt == null || !this.acknowledgedAt.isAfter(this.dueAt)) ? RecipientStatus.ACKNOWLEDGED
						: RecipientStatus.ACKNOWLEDGED_LATE;
			}
			if (this.ackRequired && this.dueAt != null && this.dueAt.isBefore(now)) {
				return RecipientStatus.OVERDUE;
			}
			return (this.readAt != null) ? RecipientStatus.READ : RecipientStatus.UNREAD;
		}

		private static Instant instant(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant() : null;
		}

	}

}
