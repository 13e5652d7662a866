package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.herald.support.TestDatabase;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures how many acknowledgements per second {@link Receipts#acknowledge} sustains on
 * PostgreSQL with several threads at once: 20,000 acknowledgements of four posts by 5,000
 * people each, in random order, by 8 threads (change with {@code -Dbench.threads=}),
 * after a warm-up of 2,000 on a fifth post. Each call is what a request does: its own
 * transaction, the receipt, the delivery update and the counter update. A database of its
 * own (a sibling of the tests' one). Prints the figure; asserts only that every
 * acknowledgement counted once. Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=AckThroughputBenchmark}
 * or {@code bench/acks.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "herald.publishing.poll-interval=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckThroughputBenchmark {

	static final int PEOPLE = 5_000;

	static final int POSTS = 4;

	static final int WARM_UP = 2_000;

	static final int THREADS = Integer.getInteger("bench.threads", 8);

	private static TestDatabase database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Receipts receipts;

	@Autowired
	DeliveryCounts counts;

	List<Long> people;

	long channel;

	long author;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database().url());
		registry.add("spring.datasource.username", () -> database().username());
		registry.add("spring.datasource.password", () -> database().password());
		// One connection per thread, and a few for the application's own jobs.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> Integer.toString(THREADS + 2));
	}

	private static synchronized TestDatabase database() {
		if (database == null) {
			database = TestDatabase.get().createSibling();
		}
		return database;
	}

	@BeforeAll
	void fiveThousandPeople() {
		long department = this.jdbc.queryForObject(
				"insert into departments (name, created_at) values ('Acknowledging', now()) returning id", Long.class);
		long location = this.jdbc.queryForObject("insert into locations (name, time_zone, created_at) "
				+ "values ('Acknowledging site', 'Europe/Warsaw', now()) returning id", Long.class);
		this.jdbc.update("insert into employees (email, first_name, last_name, department_id, location_id, time_zone, "
				+ "language, active, created_at, updated_at) select 'ack' || g || '@ack-bench.test', 'Ack', "
				+ "'Bench ' || g, case when g % 4 = 0 then null else ? end, case when g % 3 = 0 then null else ? end, "
				+ "'Europe/Warsaw', 'en', true, now(), now() from generate_series(1, ?) g", department, location,
				PEOPLE);
		this.people = this.jdbc.queryForList("select id from employees where email like '%@ack-bench.test' order by id",
				Long.class);
		this.channel = this.jdbc.queryForObject("insert into channels (slug, name, kind, created_at) "
				+ "values ('ack-bench', 'Ack bench', 'TOPIC', now()) returning id", Long.class);
		this.author = this.people.get(0);
	}

	@Test
	void acknowledgementsPerSecondWithConcurrentThreads() throws Exception {
		long warmUp = post();
		run(List.of(warmUp), this.people.subList(0, WARM_UP));
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < POSTS; i++) {
			posts.add(post());
		}
		this.jdbc.execute("vacuum analyze deliveries");
		this.jdbc.execute("vacuum analyze delivery_counts");

		long start = System.nanoTime();
		int acks = run(posts, this.people);
		long elapsed = System.nanoTime() - start;

		for (long post : posts) {
			assertThat(this.jdbc.queryForObject(
					"select sum(acknowledged) from delivery_counts where announcement_id = ?", Long.class, post))
				.isEqualTo(PEOPLE);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from deliveries where announcement_id = ? " + "and acknowledged_at is not null",
					Long.class, post))
				.isEqualTo(PEOPLE);
		}
		System.out.printf("Ack benchmark: %,d acknowledgements of %d posts by %d threads in %,d ms: %,.0f acks/s%n",
				acks, POSTS, THREADS, elapsed / 1_000_000, acks / (elapsed / 1e9));
	}

	/**
	 * Every person acknowledges every post, in a random order shared out to the threads.
	 */
	private int run(List<Long> posts, List<Long> who) throws Exception {
		List<long[]> work = new ArrayList<>();
		for (long post : posts) {
			for (long person : who) {
				work.add(new long[] { post, person });
			}
		}
		Collections.shuffle(work, new Random(42));
		AtomicInteger next = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				done.add(threads.submit(() -> {
					int mine = 0;
					for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
						long[] ack = work.get(i);
						SignedIn.as(SignedIn.employee(ack[1]), () -> this.receipts.acknowledge(ack[0], null));
						mine++;
					}
					return mine;
				}));
			}
			int total = 0;
			for (Future<Integer> thread : done) {
				total += thread.get(30, TimeUnit.MINUTES);
			}
			return total;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * An IMPORTANT post that went out to everyone an hour ago, due in three days.
	 */
	private long post() {
		Timestamp published = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
		long id = this.jdbc.queryForObject("insert into announcements (channel_id, author_id, title, body, priority, "
				+ "status, ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
				+ "values (?, ?, 'Ack bench', 'Body', 'IMPORTANT', 'PUBLISHED', true, ?, ?, ?, ?, ?) returning id",
				Long.class, this.channel, this.author, Timestamp.from(Instant.now().plus(Duration.ofDays(3))),
				published, PEOPLE, published, published);
		this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
				+ "department_id, location_id) select ?, e.id, ?, ?, e.department_id, e.location_id from employees e "
				+ "where e.email like '%@ack-bench.test'", id, published, published);
		this.counts.recount(List.of(id));
		return id;
	}

}
