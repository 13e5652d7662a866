package io.herald.insight;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.crisis.Activation;
import io.herald.crisis.CheckInStatus;
import io.herald.crisis.CrisisPlans;
import io.herald.crisis.IncidentResponse;
import io.herald.crisis.IncidentScope;
import io.herald.crisis.IncidentUpdate;
import io.herald.crisis.Incidents;
import io.herald.crisis.Medium;
import io.herald.crisis.OpenedIncident;
import io.herald.crisis.PlanDraft;
import io.herald.crisis.Scenario;
import io.herald.crisis.Severity;
import io.herald.crisis.TeamRole;
import io.herald.crisis.TemplateKind;
import io.herald.shared.Callers;
import io.herald.support.PostgresIntegrationTest;
import io.herald.tracking.Receipts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every dashboard number against a from-scratch recount over the deliveries of the same
 * posts, exactly: the overview and its previous period, a department's overview, the
 * breakdowns, the announcements list, a department's overdue people and the channel map,
 * after history written straight to the tables (counted again) and reads and
 * acknowledgements recorded live. The posts are on a channel of the test's own, so other
 * tests' rows never count.
 */
@SpringBootTest
class InsightIntegrationTests implements PostgresIntegrationTest {

	static final String HR = "hr@herald.test";

	static final String COMMS = "comms@herald.test";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Insight insight;

	@Autowired
	InsightExports exports;

	@Autowired
	InsightRollUp rollUp;

	@Autowired
	Receipts receipts;

	@Autowired
	CrisisPlans plans;

	@Autowired
	Incidents incidents;

	@Autowired
	IncidentResponse responses;

	InsightFixture fixture;

	long channel;

	long sales;

	long legal;

	long warsaw;

	long taipei;

	List<Long> salesPeople;

	List<Long> legalPeople;

	List<Long> nobody;

	List<Long> everyone;

	ZoneId zone;

	@BeforeEach
	void organisation() {
		this.fixture = new InsightFixture(this.context);
		this.sales = this.fixture.department("Sprzedaż");
		this.legal = this.fixture.department("法務");
		this.warsaw = this.fixture.location("Warszawa");
		this.taipei = this.fixture.location("臺北");
		this.salesPeople = new ArrayList<>(this.fixture.people(6, this.sales, this.warsaw, "Wiśniewska"));
		this.salesPeople.addAll(this.fixture.people(6, this.sales, this.taipei, "陳"));
		this.legalPeople = this.fixture.people(3, this.legal, this.warsaw, "Łęcka");
		this.nobody = this.fixture.people(2, null, null, "Nowak");
		this.everyone = new ArrayList<>(this.salesPeople);
		this.everyone.addAll(this.legalPeople);
		this.everyone.addAll(this.nobody);
		this.channel = this.fixture.topic(this.everyone, Instant.now().minus(Duration.ofDays(200)));
		this.zone = this.fixture.as(HR, () -> Callers.require().timeZone());
	}

	@AfterEach
	void cleanUp() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void everyFigureEqualsARecountOfTheDeliveries() {
		Instant now = Instant.now();
		// The previous period: an acknowledgement post, long overdue for some.
		long old = this.fixture.published(this.channel, "Old policy", "IMPORTANT", now.minus(Duration.ofDays(40)),
				now.minus(Duration.ofDays(37)), this.everyone);
		// This period: information, an overdue acknowledgement, one still open.
		long info = this.fixture.published(this.channel, "Canteen menu", "INFO", now.minus(Duration.ofDays(6)), null,
				this.everyone);
		long overdue = this.fixture.published(this.channel, "Safety rules", "IMPORTANT", now.minus(Duration.ofDays(5)),
				now.minus(Duration.ofDays(2)), this.everyone);
		long open = this.fixture.published(this.channel, "Holiday rota", "CRITICAL", now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(2)), this.everyone);
		// History written straight to the tables, then counted again.
		for (int i = 0; i < this.everyone.size(); i++) {
			long person = this.everyone.get(i);
			if (i % 3 != 0) {
				this.fixture.history(old, person, Duration.ofMinutes(7L * i + 1),
						(i % 2 == 0) ? Duration.ofDays(4) : Duration.ofHours(2));
			}
			if (i % 4 != 1) {
				this.fixture.history(info, person, Duration.ofHours(i + 1), null);
			}
			if (i % 5 == 0) {
				this.fixture.history(overdue, person, Duration.ofMinutes(20), Duration.ofDays(1));
			}
		}
		this.fixture.recount(old);
		this.fixture.recount(info);
		this.fixture.recount(overdue);
		// A late joiner with a deadline of their own, still open.
		long late = this.fixture.people(1, this.sales, this.warsaw, "Późna").get(0);
		this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
				+ "late_joiner, ack_due_at, department_id, location_id) select ?, ?, published_at, ?, true, ?, ?, ? "
				+ "from announcements where id = ?", overdue, late, Timestamp.from(now.minus(Duration.ofHours(3))),
				Timestamp.from(now.plus(Duration.ofDays(3))), this.sales, this.warsaw, overdue);
		this.fixture.recount(overdue);
		// Live reads and acknowledgements, through the receipts.
		for (int i = 0; i < this.everyone.size(); i += 2) {
			long person = this.everyone.get(i);
			this.fixture.asEmployee(person, () -> {
				this.receipts.read(overdue);
				this.receipts.acknowledge(open, null);
				return null;
			});
		}
		this.fixture.asEmployee(this.everyone.get(1), () -> {
			this.receipts.acknowledge(overdue, null);
			return null;
		});
		foldEverything();

		LocalDate today = LocalDate.ofInstant(Instant.now(), this.zone);
		InsightFilter filter = new InsightFilter(today.minusDays(29), today, this.channel, null, null, null);
		Overview overview = this.fixture.as(HR, () -> this.insight.overview(filter));
		Instant checkedAt = Instant.now();
		assertThat(overview.current()).isEqualTo(recount(filter, null, checkedAt));
		assertThat(overview.previous()).isEqualTo(recount(filter.previous(), null, checkedAt));
		assertThat(overview.current().posts()).isEqualTo(3);
		assertThat(overview.previous().posts()).isEqualTo(1);
		assertThat(overview.median()).isEqualTo(medianRecount(filter, null));
		assertThat(overview.previousMedian()).isEqualTo(medianRecount(filter.previous(), null));
		assertThat(overview.current().overdue()).isPositive();
		// The open post's acknowledgements count apart until they are due.
		assertThat(overview.current().dueLater()).isPositive();
		assertThat(overview.current().due()).isEqualTo(overview.current().required() - overview.current().dueLater());

		Map<Long, Breakdown> byDepartment = byId(overview.byDepartment());
		assertThat(byDepartment.keySet()).containsExactlyInAnyOrder(this.sales, this.legal, 0L);
		for (long department : List.of(this.sales, this.legal, 0L)) {
			Figures expected = hidden(recount(filter, "coalesce(d.department_id, 0) = " + department, checkedAt));
			assertThat(byDepartment.get(department).figures()).as("department %d", department).isEqualTo(expected);
		}
		assertThat(byDepartment.get(this.sales).figures().hidden()).isFalse();
		assertThat(byDepartment.get(this.legal).figures().hidden()).isTrue();
		assertThat(byDepartment.get(this.legal).figures().readRate()).isNull();
		Map<Long, Breakdown> byLocation = byId(overview.byLocation());
		for (long location : List.of(this.warsaw, this.taipei, 0L)) {
			assertThat(byLocation.get(location).figures()).as("location %d", location)
				.isEqualTo(hidden(recount(filter, "coalesce(d.location_id, 0) = " + location, checkedAt)));
		}

		// The department's own overview, its posts and its overdue people.
		InsightFilter inSales = filter.withDepartment(this.sales);
		Overview salesOverview = this.fixture.as(HR, () -> this.insight.overview(inSales));
		assertThat(salesOverview.current())
			.isEqualTo(hidden(recount(filter, "coalesce(d.department_id, 0) = " + this.sales, checkedAt)));
		assertThat(salesOverview.median()).isEqualTo(medianRecount(inSales, this.sales));
		DepartmentInsight drill = this.fixture.as(HR, () -> this.insight.department(this.sales, filter));
		assertThat(drill.figures()).isEqualTo(salesOverview.current());
		assertThat(drill.overdue()).hasSize((int) drill.figures().overdue());
		assertThat(drill.overdue()).extracting(OverduePerson::announcementId).containsOnly(overdue);
		for (PostFigures post : drill.posts()) {
			assertThat(post.figures()).isEqualTo(hidden(recount(filter,
					"d.announcement_id = " + post.id() + " and coalesce(d.department_id, 0) = " + this.sales,
					checkedAt)));
		}

		// Every post of the period.
		List<PostFigures> posts = this.fixture.as(HR,
				() -> this.insight.announcements(filter, PostSort.PUBLISHED, true));
		assertThat(posts).extracting(PostFigures::id).containsExactly(open, overdue, info);
		for (PostFigures post : posts) {
			assertThat(post.figures())
				.isEqualTo(hidden(recount(filter, "d.announcement_id = " + post.id(), checkedAt)));
		}
		List<PostFigures> byRead = this.fixture.as(HR, () -> this.insight.announcements(filter, PostSort.READ, true));
		assertThat(byRead.get(0).figures().readRate()).isGreaterThanOrEqualTo(byRead.get(2).figures().readRate());

		// The channel map's row of this channel.
		ChannelMap map = this.fixture.as(HR, () -> this.insight.channelMap());
		ChannelInsight row = map.channels().stream().filter((c) -> c.id() == this.channel).findFirst().orElseThrow();
		InsightFilter window = new InsightFilter(today, today, this.channel, null, null, null);
		Figures expected = recountBetween(now.minus(Duration.ofDays(30)), checkedAt, null, checkedAt);
		assertThat(row.figures()).isEqualTo(expected);
		assertThat(row.posts()).isEqualTo(3);
		assertThat(row.audience()).isEqualTo(this.everyone.size());
		assertThat(row.lastPost()).isEqualTo(
				this.jdbc.queryForObject("select published_at from announcements where id = ?", Timestamp.class, open)
					.toInstant());
		assertThat(row.median()).isEqualTo(median(latencies(now.minus(Duration.ofDays(30)), checkedAt, null)));
		assertThat(window).isNotNull();
	}

	@Test
	void drillsCountNowhereButRealIncidentsDo() {
		long site = this.fixture.location("Poligon");
		List<Long> people = this.fixture.people(6, null, site, "Ćwiczebna");
		IncidentScope scope = new IncidentScope(false, Set.of(site), Set.of());
		long plan = this.fixture.as(COMMS, () -> this.plans.create(plan(this.fixture.unique("Insight drill plan"))));
		// A drill: its alert, an update and its all-clear.
		OpenedIncident drill = this.fixture.as(COMMS,
				() -> this.incidents.activate(plan, new Activation(scope, "Fire at {location}", "Leave now.", true)));
		long drillUpdate = this.fixture.as(COMMS,
				() -> this.responses.postUpdate(drill.id(), new IncidentUpdate("Still a drill", "Stay out."))
					.announcementId());
		// Half of them check in to the drill, which acknowledges its alert.
		for (long person : people.subList(0, 3)) {
			this.fixture.asEmployee(person, () -> {
				this.incidents.checkIn(drill.id(), CheckInStatus.SAFE, null);
				return null;
			});
		}
		this.fixture.as(COMMS, () -> {
			this.incidents.resolve(drill.id());
			return null;
		});
		// Then a real incident, which counts like any post.
		OpenedIncident real = this.fixture.as(COMMS,
				() -> this.incidents.activate(plan, new Activation(scope, "Fire at {location}", "Leave now.", false)));
		this.fixture.asEmployee(people.get(0), () -> {
			this.incidents.checkIn(real.id(), CheckInStatus.SAFE, null);
			return null;
		});
		this.fixture.as(COMMS, () -> {
			this.incidents.resolve(real.id());
			return null;
		});
		List<Long> drillPosts = this.jdbc
			.queryForList("select announcement_id from crisis_incidents where id = ? union select all_clear_id "
					+ "from crisis_incidents where id = ?", Long.class, drill.id(), drill.id());
		Long realAllClear = this.jdbc.queryForObject("select all_clear_id from crisis_incidents where id = ?",
				Long.class, real.id());
		long crisisChannel = this.jdbc.queryForObject("select channel_id from announcements where id = ?", Long.class,
				real.announcementId());
		foldEverything();

		LocalDate today = LocalDate.ofInstant(Instant.now(), this.zone);
		InsightFilter atSite = new InsightFilter(today.minusDays(29), today, crisisChannel, null, site, null);
		List<PostFigures> posts = this.fixture.as(HR,
				() -> this.insight.announcements(atSite, PostSort.PUBLISHED, true));
		assertThat(posts).extracting(PostFigures::id)
			.containsExactlyInAnyOrder(real.announcementId(), realAllClear)
			.doesNotContainAnyElementsOf(drillPosts)
			.doesNotContain(drillUpdate);
		PostFigures alert = posts.stream().filter((p) -> p.id() == real.announcementId()).findFirst().orElseThrow();
		assertThat(alert.figures().recipients()).isEqualTo(people.size());
		assertThat(alert.figures().acknowledged()).isEqualTo(1);

		Overview overview = this.fixture.as(HR, () -> this.insight.overview(atSite));
		assertThat(overview.current().posts()).isEqualTo(2);
		assertThat(overview.current().recipients()).isEqualTo(2L * people.size());
		assertThat(overview.current().acknowledged()).isEqualTo(1);
		assertThat(overview.byLocation()).extracting(Breakdown::id).containsExactly(site);
		assertThat(overview.byLocation().get(0).figures().posts()).isEqualTo(2);
		assertThat(overview.trend().stream().mapToLong((week) -> week.figures().posts()).sum()).isEqualTo(2);
		String csv = csv(this.fixture.as(HR, () -> this.exports.announcementsCsv(atSite, PostSort.PUBLISHED, true)));
		assertThat(csv.lines().skip(1).map((line) -> Long.parseLong(line.substring(0, line.indexOf(',')))))
			.containsExactlyInAnyOrder(real.announcementId(), realAllClear);

		// The summary API: two posts and their recipients, nothing of the drill's three
		// (at this site only: other tests publish elsewhere meanwhile).
		InsightSummary summary = this.fixture.as(HR, () -> this.insight.summary(atSite));
		assertThat(summary.announcements()).isEqualTo(2);
		assertThat(summary.recipients()).isEqualTo(2L * people.size());
		ChannelInsight row = this.fixture.as(HR, () -> this.insight.channelMap())
			.channels()
			.stream()
			.filter((c) -> c.id() == crisisChannel)
			.findFirst()
			.orElseThrow();
		assertThat(row.lastPost()).isEqualTo(this.jdbc
			.queryForObject("select published_at from announcements where id = ?", Timestamp.class, realAllClear)
			.toInstant());
	}

	@Test
	void aChannelWithoutPostsForSixtyDaysIsFlaggedDormantInWords() {
		long quiet = this.fixture.topic(this.everyone, Instant.now().minus(Duration.ofDays(300)));
		this.fixture.published(quiet, "Last word", "INFO", Instant.now().minus(Duration.ofDays(75)), null,
				this.everyone);
		foldEverything();
		ChannelMap map = this.fixture.as(HR, () -> this.insight.channelMap());
		ChannelInsight row = map.channels().stream().filter((c) -> c.id() == quiet).findFirst().orElseThrow();
		assertThat(row.flagged(ChannelFlag.Kind.DORMANT)).isTrue();
		assertThat(row.flags().get(0).arguments().get(0)).isEqualTo(75L);
		assertThat(row.posts()).isZero();
	}

	@Test
	void theSummaryCountsThePeriodsPosts() {
		Instant now = Instant.now();
		this.fixture.published(this.channel, "Summary post", "INFO", now.minus(Duration.ofDays(3)), null,
				this.everyone);
		foldEverything();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		InsightFilter filter = new InsightFilter(today.minusDays(29), today, null, null, null, null);
		InsightSummary summary = this.fixture.as(HR, () -> this.insight.summary(filter));
		Overview overview = this.fixture.as(HR, () -> this.insight.overview(filter));
		assertThat(summary.announcements()).isEqualTo(overview.current().posts());
		assertThat(summary.recipients()).isEqualTo(overview.current().recipients());
		assertThat(summary.announcements()).isPositive();
	}

	@Test
	void exportsKeepFormulaLikeCellsInertAndNamedOverdueListsAreForHr() {
		long formulas = this.fixture.department("=SUM(A1:A9)");
		List<Long> people = this.fixture.people(5, formulas, this.warsaw, "Kowalska");
		people.forEach(
				(person) -> this.jdbc.update("update employees set first_name = '@cmd|calc' where id = ?", person));
		Instant now = Instant.now();
		this.fixture.published(this.channel, "=HYPERLINK(\"http://evil.test\")", "IMPORTANT",
				now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(2)), people);
		foldEverything();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		InsightFilter filter = new InsightFilter(today.minusDays(29), today, this.channel, formulas, null, null);

		String posts = csv(this.fixture.as(HR, () -> this.exports.announcementsCsv(filter, PostSort.PUBLISHED, true)));
		String departments = csv(this.fixture.as(HR, () -> this.exports.departmentsCsv(filter)));
		String overdue = csv(this.fixture.as(HR, () -> this.exports.overdueCsv(filter)));

		assertThat(posts).contains("\"'=HYPERLINK(\"\"http://evil.test\"\")").doesNotContain(",=HYPERLINK");
		assertThat(departments).contains("'=SUM(A1:A9)").doesNotContain(",=SUM");
		assertThat(overdue).contains("\n'@cmd|calc Kowalska 1,").doesNotContain("\n@cmd");
		assertThat(overdue.lines()).hasSize(1 + people.size());
		assertThatThrownBy(() -> this.fixture.as("comms@herald.test", () -> this.exports.overdueCsv(filter)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.fixture.as("comms@herald.test", () -> this.insight.department(formulas, filter)).overdue())
			.isEmpty();
		assertThat(this.fixture.as(HR, () -> this.insight.department(formulas, filter)).overdue())
			.hasSize(people.size());
	}

	private static PlanDraft plan(String title) {
		return new PlanDraft(title, Scenario.FIRE_EVACUATION, Severity.CRITICAL, COMMS,
				List.of(new PlanDraft.MemberDraft(0, TeamRole.LEAD, COMMS, HR)),
				List.of(new PlanDraft.StepDraft(0, "Sound the alarm", TeamRole.LEAD)),
				List.of(new PlanDraft.TemplateDraft(0, TemplateKind.INITIAL_ALERT, "Fire at {location}", "Leave now."),
						new PlanDraft.TemplateDraft(1, TemplateKind.UPDATE, "Update", "Stay out."),
						new PlanDraft.TemplateDraft(2, TemplateKind.ALL_CLEAR, "All clear", "Go back in.")),
				List.of(Medium.IN_APP), true, Set.of(), Set.of(), 180, null);
	}

	private static String csv(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private void foldEverything() {
		// Another context's scheduled roll-up may hold the lock: ours runs once it is
		// free.
		Instant deadline = Instant.now().plusSeconds(30);
		while (!this.rollUp.fold()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private Figures hidden(Figures figures) {
		return figures.hiddenBelow(InsightRules.DEFAULTS.minimumGroupSize());
	}

	private Figures recount(InsightFilter filter, String condition, Instant now) {
		return recountBetween(filter.from().atStartOfDay(this.zone).toInstant(),
				filter.to().plusDays(1).atStartOfDay(this.zone).toInstant(), condition, now)
			.hiddenBelow(InsightRules.DEFAULTS.minimumGroupSize());
	}

	private Figures recountBetween(Instant from, Instant to, String condition, Instant now) {
		String where = " where a.channel_id = ? and a.published_at >= ? and a.published_at < ?"
				+ ((condition != null) ? " and " + condition : "");
		String acknowledged = "(a.ack_required and d.acknowledged_at is not null "
				+ "and d.acknowledged_revision >= a.ack_revision)";
		Map<String, Object> row = this.jdbc.queryForMap("select count(distinct a.id) as posts, count(*) as recipients, "
				+ "count(d.read_at) as read, sum(case when a.ack_required then 1 else 0 end) as required, "
				+ "sum(case when " + acknowledged + " then 1 else 0 end) as acknowledged, sum(case when " + acknowledged
				+ " and d.acknowledged_at <= coalesce(greatest(d.ack_due_at, a.ack_due_at), d.acknowledged_at) "
				+ "then 1 else 0 end) as on_time, sum(case when a.ack_required and not " + acknowledged
				+ " and greatest(d.ack_due_at, a.ack_due_at) < ? then 1 else 0 end) as overdue, "
				+ "sum(case when a.ack_required and not " + acknowledged
				+ " and greatest(d.ack_due_at, a.ack_due_at) >= ? then 1 else 0 end) as due_later "
				+ "from deliveries d join announcements a on a.id = d.announcement_id" + where, Timestamp.from(now),
				Timestamp.from(now), this.channel, Timestamp.from(from), Timestamp.from(to));
		Long largest = this.jdbc.queryForObject("select coalesce(max(n), 0) from (select count(*) as n "
				+ "from deliveries d join announcements a on a.id = d.announcement_id" + where + " group by a.id) t",
				Long.class, this.channel, Timestamp.from(from), Timestamp.from(to));
		return new Figures(number(row.get("posts")), number(row.get("recipients")), number(row.get("read")),
				number(row.get("required")), number(row.get("acknowledged")), number(row.get("on_time")),
				number(row.get("overdue")), number(row.get("due_later")), largest, false)
			.hiddenBelow(InsightRules.DEFAULTS.minimumGroupSize());
	}

	private ReadTime medianRecount(InsightFilter filter, Long department) {
		return median(latencies(filter.from().atStartOfDay(this.zone).toInstant(),
				filter.to().plusDays(1).atStartOfDay(this.zone).toInstant(), department));
	}

	private List<Duration> latencies(Instant from, Instant to, Long department) {
		return this.jdbc.query("select d.read_at, d.delivered_at from deliveries d join announcements a "
				+ "on a.id = d.announcement_id where a.channel_id = ? and a.published_at >= ? and a.published_at < ? "
				+ "and d.read_at is not null" + ((department != null) ? " and d.department_id = " + department : ""),
				(rs, n) -> Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(1).toInstant()),
				this.channel, Timestamp.from(from), Timestamp.from(to));
	}

	private static ReadTime median(List<Duration> latencies) {
		if (latencies.isEmpty()) {
			return null;
		}
		List<Duration> sorted = latencies.stream().sorted().toList();
		return new ReadTime(ReadTime.bucketOf(sorted.get((sorted.size() + 1) / 2 - 1)));
	}

	private static Map<Long, Breakdown> byId(List<Breakdown> rows) {
		Map<Long, Breakdown> map = new java.util.HashMap<>();
		rows.forEach((b) -> map.put(b.id(), b));
		return map;
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
