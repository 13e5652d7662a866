package io.herald.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.herald.support.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures one sweep over 50,000 people who have not acknowledged an IMPORTANT post three
 * days past due, on PostgreSQL: all four default steps come at once for everyone (200,000
 * records, 50,000 reminders, 100,000 queued escalations, a digest for each of 5,000
 * managers and for the channel's owner), then the same sweep again with nothing left to
 * do. The people live in Warsaw, London and Taipei; the sweep runs at 10:00 UTC, daytime
 * in all three. A database of its own (a sibling of the tests' one). Prints the median of
 * three runs after a warm-up; asserts only correctness. Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=SweepBenchmark} or
 * {@code bench/sweep.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "herald.publishing.poll-interval=1h", "herald.escalation.sweep-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepBenchmark implements OwnDatabase {

	static final int PEOPLE = 50_000;

	static final int MANAGERS = 5_000;

	static final int RUNS = 3;

	static final Instant NOW = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EscalationSweep sweep;

	long post;

	@BeforeAll
	void fiftyThousandOverduePeople() {
		long start = System.nanoTime();
		this.jdbc.update("update employees set active = false");
		this.jdbc.update("insert into employees (email, first_name, last_name, time_zone, language, active, "
				+ "created_at, updated_at) select 'boss' || g || '@sweep.test', 'Boss', 'No ' || g, "
				+ "(array['Europe/Warsaw', 'Europe/London', 'Asia/Taipei'])[1 + g % 3], 'en', true, now(), now() "
				+ "from generate_series(1, ?) g", MANAGERS);
		long firstManager = this.jdbc
			.queryForObject("select min(id) from employees where email like 'boss%@sweep.test'", Long.class);
		this.jdbc.update("insert into employees (email, first_name, last_name, manager_id, time_zone, language, "
				+ "active, created_at, updated_at) select 'person' || g || '@sweep.test', 'Person', 'No ' || g, "
				+ "? + g % ?, (array['Europe/Warsaw', 'Europe/London', 'Asia/Taipei'])[1 + g % 3], 'en', true, "
				+ "now(), now() from generate_series(1, ?) g", firstManager, MANAGERS, PEOPLE);
		long owner = firstManager;
		long channel = this.jdbc.queryForObject("insert into channels (slug, name, kind, created_at) "
				+ "values ('sweep-benchmark', 'Sweep benchmark', 'COMPANY', now()) returning id", Long.class);
		this.jdbc.update("insert into channel_members (channel_id, employee_id, role) values (?, ?, 'OWNER')", channel,
				owner);
		this.post = this.jdbc.queryForObject("insert into announcements (channel_id, author_id, title, body, "
				+ "priority, status, ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
				+ "values (?, ?, 'Sweep benchmark', 'Body', 'IMPORTANT', 'PUBLISHED', true, ?, ?, ?, now(), now()) "
				+ "returning id", Long.class, channel, owner, java.sql.Timestamp.from(NOW.minus(Duration.ofHours(80))),
				java.sql.Timestamp.from(NOW.minus(Duration.ofDays(7))), PEOPLE);
		this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
				+ "department_id, location_id) select a.id, e.id, a.published_at, a.published_at, null, null "
				+ "from announcements a cross join employees e where a.id = ? and e.email like 'person%@sweep.test'",
				this.post);
		this.jdbc.execute("vacuum analyze employees");
		this.jdbc.execute("vacuum analyze deliveries");
		System.out.printf("Sweep benchmark: %,d overdue people under %,d managers set up in %,d ms%n", PEOPLE, MANAGERS,
				(System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void sweepsFiftyThousandOverduePeople() {
		List<Long> millis = new ArrayList<>();
		List<Long> idle = new ArrayList<>();
		EscalationSweep.Report report = null;
		for (int run = 0; run <= RUNS; run++) {
			reset();
			report = this.sweep.run(Clock.fixed(NOW, ZoneOffset.UTC), Set.of(this.post));
			EscalationSweep.Report again = this.sweep.run(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
					Set.of(this.post));
			assertThat(report.stepsRecorded()).isEqualTo(4 * PEOPLE);
			assertThat(report.reminders()).isEqualTo(PEOPLE);
			assertThat(report.digests()).isEqualTo(MANAGERS + 1);
			assertThat(again.stepsRecorded()).isZero();
			if (run > 0) {
				millis.add(report.millis());
				idle.add(again.millis());
			}
		}
		System.out.printf(
				"Sweep benchmark: %,d overdue people, %,d steps, %,d reminders, %,d digests: median %,d ms "
						+ "(runs: %s ms); sweep with nothing left to do: median %,d ms (runs: %s ms)%n",
				PEOPLE, report.stepsRecorded(), report.reminders(), report.digests(), median(millis), millis,
				median(idle), idle);
	}

	private void reset() {
		this.jdbc.update("delete from escalation_steps_done where announcement_id = ?", this.post);
		this.jdbc.update("delete from escalation_digest_queue where announcement_id = ?", this.post);
		this.jdbc.update("delete from escalation_progress where announcement_id = ?", this.post);
		this.jdbc.update("delete from notifications where announcement_id = ?", this.post);
		this.jdbc.update("delete from outbox_messages where announcement_id = ?", this.post);
		this.jdbc.execute("vacuum analyze escalation_steps_done");
		this.jdbc.execute("vacuum analyze notifications");
		this.jdbc.execute("vacuum analyze outbox_messages");
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
