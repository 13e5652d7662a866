package io.herald.announcement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.herald.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 */
@Tag("benchmark")
@SpringBootTest(properties = "herald.publishing.poll-interval=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutBenchmark {

	static final int PEOPLE = 50_000;

	static final int LOCATIONS = 12;

	static final int RUNS = 5;

	private static TestDatabase database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Publishing publishing;

	@Autowired
	Clock clock;

	long firstLocation;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database().url());
		registry.add("spring.datasource.username", () -> database().username());
		registry.add("spring.datasource.password", () -> database().password());
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
	}

	private static synchronized TestDatabase database() {
		if (database == null) {
			database = TestDatabase.get().createSibling();
		}
		return database;
	}

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
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			reset(post);
			long start = System.nanoTime();
			Integer recipients = transaction
				.execute((status) -> this.publishing.publish(post, this.clock.instant(), false).orElseThrow());
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			assertThat(recipients).isEqualTo(expected);
			assertThat(this.jdbc.queryForObject("select count(*) from notifications where announcement_id = ?",
					Integer.class, post))
				.isEqualTo(expected);
			if (run > 0) {
				millis.add(elapsed);
			}
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf("Fan-out benchmark, %s: %,d recipients, median %,d ms (runs: %s ms)%n", label, expected,
				sorted.get(sorted.size() / 2), millis);
	}

	private void reset(long post) {
		this.jdbc.update("delete from deliveries where announcement_id = ?", post);
		this.jdbc.update("delete from notifications where announcement_id = ?", post);
		this.jdbc.update("delete from outbox_messages where announcement_id = ?", post);
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
