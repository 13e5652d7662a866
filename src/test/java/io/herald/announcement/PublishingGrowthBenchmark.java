package io.herald.announcement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.herald.support.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether publishing stays flat as the deliveries grow: posts of 10,000 recipients each
 * (50,000 people in five locations, each post narrowed to one of them, round-robin),
 * published one after another through {@link Publishing#publish}, each in its own
 * transaction, on PostgreSQL. The reference is 2,000 posts, 20 million
 * deliveries; the default is 300 ({@code -Dbench.posts=2000} for the reference,
 * {@code -Dbench.batch=} posts per printed batch, 100 by default). Posts are IMPORTANT
 * and ask for acknowledgement, as in {@code bench/http.sh}, so each also writes 10,000
 * notifications and queued e-mails; {@code -Dbench.priority=INFO} publishes posts that
 * ask for nothing (deliveries and counters only).
 *
 * <p>
 * Prints, per batch, the median, 90th percentile and slowest publication (transaction
 * included), the medians of its parts (publishing's own statements, each listener of
 * {@link AnnouncementPublished}, the commit), the deliveries so far and the size of the
 * tables; at the end, the last batch's median against the first's. A warm-up of a few
 * posts comes first and is removed again, so the measured posts start from empty tables.
 * The background jobs (scheduled publishing, e-mail, digests, escalation sweep, insight
 * roll-up) are held off, so what grows is publishing's own cost. A database of its own (a
 * sibling of the tests' one). Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=PublishingGrowthBenchmark}
 * or {@code bench/publish-growth.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "herald.publishing.poll-interval=1h", "herald.mail.poll-interval=1h",
		"herald.mail.digest-interval=1h", "herald.escalation.sweep-interval=1h", "herald.insight.fold-interval=1h" })
@Import(ListenerTimes.Setup.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingGrowthBenchmark implements OwnDatabase {

	static final int PEOPLE = 50_000;

	static final int LOCATIONS = 5;

	static final int RECIPIENTS = PEOPLE / LOCATIONS;

	static final int POSTS = Integer.getInteger("bench.posts", 300);

	static final int BATCH = Integer.getInteger("bench.batch", 100);

	static final String PRIORITY = System.getProperty("bench.priority", "IMPORTANT");

	static final int WARM_UP = 20;

	static final double FLAT = 1.2;

	@Autowired
	JdbcClient sql;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Publishing publishing;

	@Autowired
	ListenerTimes listenerTimes;

	@Autowired
	Clock clock;

	List<Long> locations;

	long channel;

	long author;

	@BeforeAll
	void fiftyThousandPeopleInFiveLocations() {
		// Whoever the application put there on start is out of the audience.
		this.sql.sql("update employees set active = false").update();
		long department = this.sql.sql("""
				insert into departments (name, created_at) values ('Growth', now()) returning id""")
			.query(Long.class)
			.single();
		this.sql.sql("""
				insert into locations (name, time_zone, created_at)
				select 'Growth site ' || g, 'Europe/Warsaw', now() from generate_series(1, :locations) g""")
			.param("locations", LOCATIONS)
			.update();
		this.locations = this.sql.sql("select id from locations where name like 'Growth site %' order by id")
			.query(Long.class)
			.list();
		this.sql.sql("""
				insert into employees (email, first_name, last_name, department_id, location_id, time_zone, language,
				    active, created_at, updated_at)
				select 'growth' || g || '@growth.test', 'Growth', 'Person ' || g, :department,
				    :firstLocation + g % :locations, 'Europe/Warsaw', 'en', true, now(), now()
				from generate_series(1, :people) g""")
			.param("department", department)
			.param("firstLocation", this.locations.get(0))
			.param("locations", LOCATIONS)
			.param("people", PEOPLE)
			.update();
		this.sql.sql("vacuum analyze employees").update();
		this.channel = this.sql.sql("""
				insert into channels (slug, name, kind, created_at)
				values ('growth', 'Growth', 'COMPANY', now()) returning id""").query(Long.class).single();
		this.author = this.sql.sql("select min(id) from employees where active").query(Long.class).single();
	}

	@Test
	void publishesPostAfterPostOfTenThousandRecipients() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		List<Long> warmUp = new ArrayList<>();
		for (int i = 0; i < WARM_UP; i++) {
			long post = post(i);
			transaction.execute((status) -> publish(post));
			warmUp.add(post);
		}
		removeDeliveries(warmUp);
		System.out.printf("Growth benchmark: %,d posts of %,d recipients (%s), batches of %,d, after %,d warm-up "
				+ "posts (removed again)%n", POSTS, RECIPIENTS, PRIORITY, BATCH, WARM_UP);
		System.out.println("Growth benchmark: batch | posts | deliveries | median ms | p90 ms | max ms | "
				+ "median rows/s | medians of the parts, ms | blocks read per post | batch s | deliveries MB | "
				+ "notifications MB | outbox MB");
		long runStart = System.nanoTime();
		long deliveries = 0;
		Long firstMedian = null;
		long lastMedian = 0;
		List<Long> total = new ArrayList<>();
		Map<String, List<Long>> parts = new LinkedHashMap<>();
		long batchStart = System.nanoTime();
		long blocksRead = blocksRead();
		for (int i = 0; i < POSTS; i++) {
			long post = post(WARM_UP + i);
			this.listenerTimes.take();
			long[] returned = new long[1];
			long start = System.nanoTime();
			int recipients = transaction.execute((status) -> {
				int published = publish(post);
				returned[0] = System.nanoTime();
				return published;
			});
			long end = System.nanoTime();
			Map<String, Long> listeners = this.listenerTimes.take();
			deliveries += recipients;
			total.add(millis(start, end));
			long inListeners = listeners.values().stream().mapToLong(Long::longValue).sum();
			parts.computeIfAbsent("own", (k) -> new ArrayList<>()).add((returned[0] - start - inListeners) / 1_000_000);
			listeners
				.forEach((name, nanos) -> parts.computeIfAbsent(name, (k) -> new ArrayList<>()).add(nanos / 1_000_000));
			parts.computeIfAbsent("commit", (k) -> new ArrayList<>()).add(millis(returned[0], end));
			if (total.size() == BATCH || i == POSTS - 1) {
				long median = percentile(total, 50);
				long read = blocksRead();
				StringBuilder split = new StringBuilder();
				parts.forEach((part, millis) -> split.append(split.isEmpty() ? "" : ", ")
					.append(part)
					.append(' ')
					.append(percentile(millis, 50)));
				System.out.printf(
						"Growth benchmark: %,d | %,d | %,d | %,d | %,d | %,d | %,d | %s | %,d | %,d | %,d | %,d | %,d%n",
						(i + BATCH) / BATCH, i + 1, deliveries, median, percentile(total, 90), percentile(total, 100),
						RECIPIENTS * 1000L / Math.max(1, median), split, (read - blocksRead) / total.size(),
						millis(batchStart, System.nanoTime()) / 1000, megabytes("deliveries"),
						megabytes("notifications"), megabytes("outbox_messages"));
				if (firstMedian == null) {
					firstMedian = median;
				}
				lastMedian = median;
				total.clear();
				parts.clear();
				batchStart = System.nanoTime();
				blocksRead = read;
			}
		}
		double ratio = (double) lastMedian / firstMedian;
		System.out.printf(
				"Growth benchmark: %,d posts, %,d deliveries in %,d s; last batch's median %,d ms is %.2f× the first's "
						+ "%,d ms: %s%n",
				POSTS, deliveries, millis(runStart, System.nanoTime()) / 1000, lastMedian, ratio, firstMedian,
				(ratio <= FLAT) ? "flat (within 20%)" : "NOT flat (more than 20% slower)");
		System.out.println("Growth benchmark: blocks read (not found in PostgreSQL's buffers) over the whole run, "
				+ "most first: " + this.sql.sql("""
						select string_agg(relname || ' ' || to_char(blocks, 'FM999,999,999,999'), ', '
						    order by blocks desc)
						from (select relname, heap_blks_read as blocks from pg_statio_user_tables
						      union all
						      select indexrelname, idx_blks_read from pg_statio_user_indexes
						      order by blocks desc limit 8) t""").query(String.class).single());
	}

	private int publish(long post) {
		int recipients = this.publishing.publish(post, this.clock.instant(), false).orElseThrow();
		assertThat(recipients).isEqualTo(RECIPIENTS);
		return recipients;
	}

	// A post narrowed to one of the locations, round-robin: 10,000 recipients.
	private long post(int number) {
		long post = this.sql.sql("""
				insert into announcements (channel_id, author_id, title, body, priority, status, ack_required,
				    created_at, updated_at)
				values (:channel, :author, 'Growth ' || :number, 'Body', :priority, 'APPROVED', :ack, now(), now())
				returning id""")
			.param("channel", this.channel)
			.param("author", this.author)
			.param("number", number)
			.param("priority", PRIORITY)
			.param("ack", !"INFO".equals(PRIORITY))
			.query(Long.class)
			.single();
		this.sql.sql("insert into announcement_locations (announcement_id, location_id) values (:post, :location)")
			.param("post", post)
			.param("location", this.locations.get(number % LOCATIONS))
			.update();
		return post;
	}

	private void removeDeliveries(List<Long> posts) {
		for (String table : List.of("deliveries", "notifications", "outbox_messages", "delivery_counts")) {
			this.sql.sql("delete from " + table + " where announcement_id in (:posts)").param("posts", posts).update();
		}
		for (String table : List.of("deliveries", "notifications", "outbox_messages")) {
			this.sql.sql("vacuum analyze " + table).update();
		}
	}

	private long megabytes(String table) {
		return this.sql.sql("select pg_total_relation_size(cast(:table as regclass))")
			.param("table", table)
			.query(Long.class)
			.single() / (1024 * 1024);
	}

	// Blocks this database's backends did not find in PostgreSQL's buffers: the work
	// that grows when an index outgrows them, and steadier than time on a busy machine.
	// (Counted at transaction ends, so a batch's figure is close, not exact.)
	private long blocksRead() {
		return this.sql.sql("select blks_read from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	private static long millis(long fromNanos, long toNanos) {
		return (toNanos - fromNanos) / 1_000_000;
	}

	private static long percentile(List<Long> values, int percent) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

}
