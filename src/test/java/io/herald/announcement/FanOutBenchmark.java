package io.herald.announcement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.herald.support.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures publishing to 50,000 people on PostgreSQL: the set-based fan-out of a
 * company-wide post, and of one narrowed to a location. The post is IMPORTANT and asks
 * for acknowledgement, so each run also enters every recipient's notification and queues
 * their e-mail in the same transaction. A database of its own (a sibling of the tests'
 * one), where everyone active is one of the 50,000. Prints the median of five runs after
 * a warm-up; asserts only correctness. Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=FanOutBenchmark} or
 * {@code bench/fan-out.sh}.
 *
 * <p>
 * Beside the whole publication it measures, in the same runs, the floor it is compared
 * with: {@code COPY deliveries … FROM STDIN (FORMAT binary)} of exactly the rows the
 * fan-out wrote (same columns, same table and indexes, one transaction), and, to compare
 * like with like, the deliveries' {@code INSERT … SELECT} on its own in a transaction of
 * the same shape (the claim of the post, then the statement). The three alternate within
 * each run, so a busy machine weighs on all of them alike. The publication is also split
 * into its own statements, each listener of {@link AnnouncementPublished} and the commit.
 */
@Tag("benchmark")
@SpringBootTest(properties = "herald.publishing.poll-interval=1h")
@Import(ListenerTimes.Setup.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutBenchmark implements OwnDatabase {

	static final int PEOPLE = 50_000;

	static final int LOCATIONS = 12;

	static final int RUNS = 5;

	static final String COPY = """
			copy deliveries (announcement_id, employee_id, published_at, delivered_at, late_joiner, department_id,
			    location_id)
			from stdin (format binary)""";

	// Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00Z), for binary
	// timestamps.
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Publishing publishing;

	@Autowired
	ListenerTimes listenerTimes;

	@Autowired
	Clock clock;

	long firstLocation;

	@BeforeAll
	void fiftyThousandPeople() {
		long start = System.nanoTime();
		// Whoever the application put there on start (demo people) is out of
		// the audience.
		this.jdbc.update("update employees set active = false");
		long department = this.jdbc.queryForObject(
				"insert into departments (name, created_at) values ('Fan-out', now()) returning id", Long.class);
		this.jdbc.update(
				"insert into locations (name, time_zone, created_at) "
						+ "select 'Fan-out site ' || g, 'Europe/Warsaw', now() from generate_series(1, ?) g",
				LOCATIONS);
		this.firstLocation = this.jdbc.queryForObject("select min(id) from locations where name like 'Fan-out site %'",
				Long.class);
		this.jdbc.update("insert into employees (email, first_name, last_name, department_id, location_id, time_zone, "
				+ "language, active, created_at, updated_at) select 'fan' || g || '@fan-out.test', 'Fan', 'Out ' || g, ?, "
				+ "? + g % ?, 'Europe/Warsaw', 'en', true, now(), now() from generate_series(1, ?) g", department,
				this.firstLocation, LOCATIONS, PEOPLE);
		this.jdbc.execute("vacuum analyze employees");
		System.out.printf("Fan-out benchmark: %,d active people set up in %,d ms%n", PEOPLE,
				(System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void publishesToFiftyThousandPeople() {
		long channel = channel("COMPANY");
		long post = announcement(channel);
		measure("company-wide", post, PEOPLE);
	}

	@Test
	void publishesToOneLocationOfFiftyThousandPeople() {
		long channel = channel("COMPANY");
		long post = announcement(channel);
		this.jdbc.update("insert into announcement_locations (announcement_id, location_id) values (?, ?)", post,
				this.firstLocation);
		int expected = this.jdbc.queryForObject("select count(*) from employees where active and location_id = ?",
				Integer.class, this.firstLocation);
		measure("narrowed to one location", post, expected);
	}

	private void measure(String label, long post, int expected) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		List<Long> publish = new ArrayList<>();
		Map<String, List<Long>> parts = new LinkedHashMap<>();
		List<Long> deliveriesAlone = new ArrayList<>();
		List<Long> copy = new ArrayList<>();
		byte[] rows = null;
		for (int run = 0; run <= RUNS; run++) {
			reset(post);
			this.listenerTimes.take();
			long[] returned = new long[1];
			long start = System.nanoTime();
			Integer recipients = transaction.execute((status) -> {
				int published = this.publishing.publish(post, this.clock.instant(), false).orElseThrow();
				returned[0] = System.nanoTime();
				return published;
			});
			long end = System.nanoTime();
			Map<String, Long> listeners = this.listenerTimes.take();
			assertThat(recipients).isEqualTo(expected);
			assertThat(count("notifications", post)).isEqualTo(expected);
			if (rows == null) {
				rows = copyRows(post);
			}

			reset(post);
			long aloneStart = System.nanoTime();
			Integer inserted = transaction.execute((status) -> fanOutAlone(post));
			long aloneEnd = System.nanoTime();
			assertThat(inserted).isEqualTo(expected);

			reset(post);
			byte[] copied = rows;
			long copyStart = System.nanoTime();
			Long copiedRows = transaction.execute((status) -> copyIn(copied));
			long copyEnd = System.nanoTime();
			assertThat(copiedRows).isEqualTo(expected);
			assertThat(count("deliveries", post)).isEqualTo(expected);

			if (run > 0) {
				publish.add(millis(start, end));
				long inListeners = listeners.values().stream().mapToLong(Long::longValue).sum();
				parts.computeIfAbsent("own statements (claim, deliveries, audit)", (k) -> new ArrayList<>())
					.add((returned[0] - start - inListeners) / 1_000_000);
				listeners.forEach(
						(name, nanos) -> parts.computeIfAbsent(name, (k) -> new ArrayList<>()).add(nanos / 1_000_000));
				parts.computeIfAbsent("commit", (k) -> new ArrayList<>()).add(millis(returned[0], end));
				deliveriesAlone.add(millis(aloneStart, aloneEnd));
				copy.add(millis(copyStart, copyEnd));
			}
		}
		reset(post);
		long publishMedian = median(publish);
		long aloneMedian = median(deliveriesAlone);
		long copyMedian = median(copy);
		System.out.printf("Fan-out benchmark, %s: %,d recipients, median %,d ms (runs: %s ms)%n", label, expected,
				publishMedian, publish);
		StringBuilder split = new StringBuilder();
		parts.forEach((part, millis) -> split.append(split.isEmpty() ? "" : ", ")
			.append(part)
			.append(' ')
			.append(String.format("%,d", median(millis)))
			.append(" ms ")
			.append(millis));
		System.out.printf("Fan-out benchmark, %s: publish %,d rows/s; medians of its parts: %s%n", label,
				rowsPerSecond(expected, publishMedian), split);
		System.out.printf(
				"Fan-out benchmark, %s: deliveries INSERT … SELECT alone (claim + statement + commit) "
						+ "median %,d ms = %,d rows/s (runs: %s ms)%n",
				label, aloneMedian, rowsPerSecond(expected, aloneMedian), deliveriesAlone);
		System.out.printf(
				"Fan-out benchmark, %s: COPY deliveries FROM STDIN (FORMAT binary) of the same rows (+ commit) "
						+ "median %,d ms = %,d rows/s (runs: %s ms)%n",
				label, copyMedian, rowsPerSecond(expected, copyMedian), copy);
		System.out.printf(
				"Fan-out benchmark, %s: fan-out/COPY (rows/s) deliveries alone %.2f, whole publish %.2f (target ≥ 0.8)%n",
				label, (double) copyMedian / aloneMedian, (double) copyMedian / publishMedian);
	}

	// The publication's own claim and statement, without the audit entry and the
	// listeners: what COPY is the floor of.
	private int fanOutAlone(long post) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.sql.sql("""
				update announcements set status = 'PUBLISHED', published_at = :now, updated_at = :now,
				    version = version + 1
				where id = :post and status = 'APPROVED'""").param("now", now).param("post", post).update();
		return this.sql.sql(Publishing.FAN_OUT).param("announcement", post).update();
	}

	// PostgreSQL's binary COPY format: a header, then per row the number of fields and
	// each field's length and bytes (-1 for null), then -1.
	private byte[] copyRows(long post) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		try {
			out.writeBytes("PGCOPY\n");
			out.write(0xFF);
			out.writeBytes("\r\n");
			out.write(0);
			out.writeInt(0);
			out.writeInt(0);
			// In the order the fan-out wrote them: index insertions alike.
			this.sql.sql("""
					select announcement_id, employee_id, published_at, delivered_at, late_joiner, department_id,
					    location_id
					from deliveries
					where announcement_id = :post
					order by ctid""").param("post", post).query((ResultSet rs) -> {
				try {
					out.writeShort(7);
					writeLong(out, rs.getLong("announcement_id"));
					writeLong(out, rs.getLong("employee_id"));
					writeTimestamp(out, rs.getTimestamp("published_at"));
					writeTimestamp(out, rs.getTimestamp("delivered_at"));
					out.writeInt(1);
					out.writeBoolean(rs.getBoolean("late_joiner"));
					writeNullableLong(out, rs, "department_id");
					writeNullableLong(out, rs, "location_id");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			out.writeShort(-1);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void writeLong(DataOutputStream out, long value) throws IOException {
		out.writeInt(8);
		out.writeLong(value);
	}

	private static void writeNullableLong(DataOutputStream out, ResultSet rs, String column)
			throws IOException, SQLException {
		long value = rs.getLong(column);
		if (rs.wasNull()) {
			out.writeInt(-1);
		}
		else {
			writeLong(out, value);
		}
	}

	private static void writeTimestamp(DataOutputStream out, Timestamp timestamp) throws IOException {
		Instant instant = timestamp.toInstant();
		writeLong(out, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
	}

	// In the caller's transaction. The driver is a runtime dependency (no Herald code may
	// compile against it), so PGConnection.getCopyAPI().copyIn(sql, in) is reached by
	// reflection: one call per run.
	private long copyIn(byte[] rows) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
			Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
			Method copyIn = copyApi.getClass().getMethod("copyIn", String.class, InputStream.class);
			return (Long) copyIn.invoke(copyApi, COPY, new ByteArrayInputStream(rows));
		}
		catch (ReflectiveOperationException | SQLException ex) {
			throw new IllegalStateException("COPY failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private int count(String table, long post) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where announcement_id = ?", Integer.class,
				post);
	}

	private static long millis(long fromNanos, long toNanos) {
		return (toNanos - fromNanos) / 1_000_000;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static long rowsPerSecond(int rows, long millis) {
		return rows * 1000L / Math.max(1, millis);
	}

	private void reset(long post) {
		this.jdbc.update("delete from deliveries where announcement_id = ?", post);
		this.jdbc.update("delete from notifications where announcement_id = ?", post);
		this.jdbc.update("delete from outbox_messages where announcement_id = ?", post);
		this.jdbc.update("delete from delivery_counts where announcement_id = ?", post);
		this.jdbc.update("update announcements set status = 'APPROVED', published_at = null, recipients = null "
				+ "where id = ?", post);
		this.jdbc.execute("vacuum analyze deliveries");
		this.jdbc.execute("vacuum analyze notifications");
		this.jdbc.execute("vacuum analyze outbox_messages");
	}

	private long channel(String kind) {
		return this.jdbc.queryForObject("insert into channels (slug, name, kind, created_at) "
				+ "values ('fan-out-' || nextval(pg_get_serial_sequence('channels', 'id')), 'Fan-out', ?, now()) "
				+ "returning id", Long.class, kind);
	}

	private long announcement(long channel) {
		long author = this.jdbc.queryForObject("select min(id) from employees where active", Long.class);
		return this.jdbc.queryForObject(
				"insert into announcements (channel_id, author_id, title, body, priority, status, ack_required, "
						+ "created_at, updated_at) values (?, ?, 'Fan-out', 'Body', 'IMPORTANT', 'APPROVED', true, now(), "
						+ "now()) returning id",
				Long.class, channel, author);
	}

}
