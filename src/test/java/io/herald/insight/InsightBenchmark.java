package io.herald.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.herald.support.OwnDatabase;
import io.herald.tracking.DeliveryCounts;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference data set (50,000 employees in 20 departments and 10 locations, 40
 * channels, 2,000 announcements over a year, about 20 million deliveries with reads and
 * acknowledgements), generated with set-based SQL in a database of its own (a sibling of
 * the tests' one); then the overview, the channel map, the announcements list and a
 * department's drill-down as HR opens them, each the median of ten runs after a warm-up.
 * The counters are counted as the application does: {@link DeliveryCounts#recount} and
 * the insight roll-up. Asserts only what must hold. Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=InsightBenchmark}
 * or {@code bench/insight.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "herald.publishing.poll-interval=1h", "herald.escalation.sweep-interval=1h",
		"herald.insight.fold-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightBenchmark implements OwnDatabase {

	static final int PEOPLE = 50_000;

	static final int POSTS = 2_000;

	static final int RUNS = 10;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeliveryCounts counts;

	@Autowired
	InsightRollUp rollUp;

	@Autowired
	Insight insight;

	long department;

	@BeforeAll
	void referenceDataSet() {
		long start = System.nanoTime();
		this.jdbc.update("update employees set active = false");
		this.jdbc.update("insert into departments (name, created_at) select 'Bench department ' || g, now() "
				+ "from generate_series(1, 20) g");
		this.jdbc.update("insert into locations (name, time_zone, created_at) select 'Bench site ' || g, "
				+ "'Europe/Warsaw', now() from generate_series(1, 10) g");
		long firstDepartment = this.jdbc
			.queryForObject("select min(id) from departments where name like 'Bench department %'", Long.class);
		long firstLocation = this.jdbc.queryForObject("select min(id) from locations where name like 'Bench site %'",
				Long.class);
		this.department = firstDepartment;
		this.jdbc.update("insert into employees (email, first_name, last_name, department_id, location_id, time_zone, "
				+ "language, active, created_at, updated_at) select 'person' || g || '@insight-bench.test', 'Person', "
				+ "'No ' || g, ? + g % 20, ? + (g / 7) % 10, 'Europe/Warsaw', 'en', true, now(), now() "
				+ "from generate_series(1, ?) g", firstDepartment, firstLocation, PEOPLE);
		// 40 channels: one company-wide, one per department and location, nine topics
		// (three mandatory, six with subscribers: a fifth of the people each).
		this.jdbc.update("insert into channels (slug, name, kind, created_at) values ('bench-company', "
				+ "'Bench company', 'COMPANY', now() - interval '400' day)");
		this.jdbc.update("insert into channels (slug, name, kind, department_id, created_at) select "
				+ "'bench-dept-' || d.id, d.name, 'DEPARTMENT', d.id, now() - interval '400' day from departments d "
				+ "where d.name like 'Bench department %'");
		this.jdbc.update("insert into channels (slug, name, kind, location_id, created_at) select "
				+ "'bench-site-' || l.id, l.name, 'LOCATION', l.id, now() - interval '400' day from locations l "
				+ "where l.name like 'Bench site %'");
		this.jdbc.update("insert into channels (slug, name, kind, mandatory, created_at) select 'bench-topic-' || g, "
				+ "'Bench topic ' || g, 'TOPIC', g <= 3, now() - interval '400' day from generate_series(1, 9) g");
		this.jdbc.update("insert into channel_subscriptions (channel_id, employee_id, subscribed_at) "
				+ "select c.id, e.id, now() from channels c join employees e on e.email like '%@insight-bench.test' "
				+ "and mod(e.id * 7 + c.id, 10) < 2 where c.slug like 'bench-topic-%' and c.mandatory = false");
		long author = this.jdbc.queryForObject("select min(id) from employees where email like '%@insight-bench.test'",
				Long.class);
		// 2,000 posts over the last year: 200 company-wide and 50 mandatory-topic
		// ones reach everyone, the rest a department, a site or a topic's subscribers
		// (a fifth of the people each);
		// one in four asks for an acknowledgement within three days. Bench topic 9
		// stays dormant after its early posts.
		this.jdbc.update("insert into announcements (channel_id, author_id, title, body, priority, status, "
				+ "ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
				+ "select c.id, ?, 'Bench post ' || g, 'Body', case when g % 4 = 0 then 'IMPORTANT' else 'INFO' end, "
				+ "'PUBLISHED', g % 4 = 0, case when g % 4 = 0 then p.at + interval '3' day end, p.at, 0, p.at, p.at "
				+ "from generate_series(1, ?) g "
				+ "cross join lateral (select now() - (g * 4.38) * interval '1' hour - interval '1' hour as at) p "
				+ "join channels c on c.slug = case when g % 20 < 2 then 'bench-company' "
				+ "when g % 40 = 2 then 'bench-topic-' || (1 + g % 3) "
				+ "when g % 20 = 2 then 'bench-topic-' || (4 + g % 5) "
				+ "when g % 20 < 12 then 'bench-dept-' || (? + (g / 20) % 20) "
				+ "when g % 20 < 17 then 'bench-site-' || (? + (g / 20) % 10) "
				+ "else 'bench-topic-' || (case when g > 1800 then 9 else 4 + g % 5 end) end", author, POSTS,
				firstDepartment, firstLocation);
		this.jdbc.execute("drop index ix_deliveries_employee_published");
		String fields = "insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
				+ "department_id, location_id, read_at, acknowledged_at, acknowledged_revision) "
				+ "select a.id, e.id, a.published_at, a.published_at, e.department_id, e.location_id, r.read_at, "
				+ "case when a.ack_required and r.read_at is not null and mod(e.id * 31 + a.id, 10) < 7 "
				+ "then least(r.read_at + interval '30' minute, now()) end, "
				+ "case when a.ack_required and r.read_at is not null and mod(e.id * 31 + a.id, 10) < 7 then 1 end "
				+ "from announcements a join channels c on c.id = a.channel_id ";
		String read = " cross join lateral (select case when mod(e.id * 17 + a.id * 13, 100) < 78 then least("
				+ "a.published_at + (mod(e.id * 7919 + a.id * 104729, 1000) * mod(e.id * 7919 + a.id * 104729, 1000) "
				+ "/ 200.0) * interval '1' minute, now()) end as read_at) r where a.title like 'Bench post %'";
		this.jdbc.update(fields + "join employees e on e.active and e.email like '%@insight-bench.test' and "
				+ "(c.kind = 'COMPANY' or (c.kind = 'TOPIC' and c.mandatory))" + read);
		this.jdbc.update(fields + "join employees e on e.department_id = c.department_id and e.active" + read
				+ " and c.kind = 'DEPARTMENT'");
		this.jdbc.update(fields + "join employees e on e.location_id = c.location_id and e.active" + read
				+ " and c.kind = 'LOCATION'");
		this.jdbc.update(fields + "join channel_subscriptions s on s.channel_id = c.id join employees e "
				+ "on e.id = s.employee_id and e.active" + read + " and c.kind = 'TOPIC' and c.mandatory = false");
		this.jdbc.execute("create index ix_deliveries_employee_published on deliveries "
				+ "(employee_id, published_at, announcement_id)");
		this.jdbc.update("update announcements a set recipients = (select count(*) from deliveries d "
				+ "where d.announcement_id = a.id) where a.title like 'Bench post %'");
		long loaded = System.nanoTime();
		List<Long> ids = this.jdbc.queryForList("select id from announcements where title like 'Bench post %'",
				Long.class);
		this.counts.recount(ids);
		long counted = System.nanoTime();
		assertThat(this.rollUp.fold()).isTrue();
		long folded = System.nanoTime();
		this.jdbc.execute("vacuum analyze");
		Long deliveries = this.jdbc.queryForObject("select count(*) from deliveries d join announcements a "
				+ "on a.id = d.announcement_id where a.title like 'Bench post %'", Long.class);
		Long rollUpRows = this.jdbc.queryForObject("select count(*) from insight_counts", Long.class);
		Long readTimeRows = this.jdbc.queryForObject("select count(*) from insight_read_times", Long.class);
		System.out.printf(Locale.ROOT,
				"Insight benchmark: %,d people, %,d posts, %,d deliveries generated in %,d s; tracking counters "
						+ "%,d s; insight roll-up %,d s (%,d count rows, %,d read-time rows)%n",
				PEOPLE, ids.size(), deliveries, (loaded - start) / 1_000_000_000, (counted - loaded) / 1_000_000_000,
				(folded - counted) / 1_000_000_000, rollUpRows, readTimeRows);
		assertThat(deliveries).isBetween(18_000_000L, 22_000_000L);
	}

	@Test
	void overviewAndChannelMapOverTwentyMillionDeliveries() {
		InsightFilter filter = as(() -> this.insight.defaultFilter());
		Overview overview = as(() -> this.insight.overview(filter));
		assertThat(overview.current().posts()).isPositive();
		ChannelMap map = as(() -> this.insight.channelMap());
		assertThat(map.channels()
			.stream()
			.filter((c) -> c.slug().equals("bench-topic-9"))
			.findFirst()
			.orElseThrow()
			.flagged(ChannelFlag.Kind.DORMANT)).isTrue();
		LocalDate today = filter.to();
		InsightFilter quarter = new InsightFilter(today.minusDays(89), today, null, null, null, null);
		String overviewTimes = time(() -> this.insight.overview(filter));
		String quarterTimes = time(() -> this.insight.overview(quarter));
		String departmentOverview = time(() -> this.insight.overview(filter.withDepartment(this.department)));
		String channelTimes = time(() -> this.insight.channelMap());
		String listTimes = time(() -> this.insight.announcements(filter, PostSort.READ, true));
		String drillTimes = time(() -> this.insight.department(this.department, filter));
		String foldTimes = time(() -> this.rollUp.fold());
		System.out.printf(Locale.ROOT,
				"Insight benchmark: overview (30 days, %,d posts, %,d deliveries) %s; overview (90 days) %s; "
						+ "overview of one department %s; channel map (%d channels) %s; announcements list %s; "
						+ "department drill-down with overdue people %s; roll-up with nothing new %s%n",
				overview.current().posts(), overview.current().recipients(), overviewTimes, quarterTimes,
				departmentOverview, map.channels().size(), channelTimes, listTimes, drillTimes, foldTimes);
	}

	private String time(Supplier<?> work) {
		as(work);
		List<Long> micros = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			as(work);
			micros.add((System.nanoTime() - start) / 1_000);
		}
		List<Long> sorted = micros.stream().sorted().toList();
		return String.format(Locale.ROOT, "median %.1f ms (fastest %.1f, slowest %.1f)",
				sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
	}

	private <T> T as(Supplier<T> work) {
		return SignedIn.as(SignedIn.person(-1, "ROLE_HR"), work);
	}

}
