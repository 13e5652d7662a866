package io.herald.escalation;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.herald.announcement.Priority;
import io.herald.support.Announcing;
import io.herald.support.Escalating;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep on PostgreSQL: each step once per person however many sweeps run at once,
 * nothing for those who acknowledged, digests per manager, the steps again for a revision
 * that asks again, quiet hours in each person's zone, and escalations beyond the manager.
 * Each test sweeps its own posts only, at a fixed time in the past (11:00 in Warsaw), so
 * other tests' rows neither disturb it nor get disturbed.
 */
@SpringBootTest
class EscalationSweepTests implements PostgresIntegrationTest {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	static final Instant NOW = LocalDate.now(WARSAW).minusDays(20).atTime(11, 0).atZone(WARSAW).toInstant();

	@Autowired
	EscalationSweep sweep;

	@Autowired
	EscalationPolicies policies;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	Escalating data;

	long author;

	long channel;

	@BeforeEach
	void setUp() {
		this.data = new Escalating(this.context);
		this.author = this.data.person("Author", "Europe/Warsaw", null);
		this.channel = this.data.channel("Escalation", null);
	}

	@Test
	void theDefaultsAreTheDesigns() {
		PolicyBook book = this.policies.book();

		assertThat(book.stepsFor(Priority.IMPORTANT, 0)).containsExactlyElementsOf(DefaultSteps.IMPORTANT);
		assertThat(book.stepsFor(Priority.CRITICAL, 0)).containsExactlyElementsOf(DefaultSteps.CRITICAL);
		assertThat(book.stepsFor(Priority.INFO, 0)).isEmpty();
	}

	@Test
	void twoSweepsAtOnceOverAThousandOverdueRecipientsRecordAndSendEachStepOnce() throws Exception {
		List<Long> managers = this.data.people(25, "Manager", "Europe/Warsaw", null);
		List<Long> everyone = new ArrayList<>();
		for (long manager : managers) {
			everyone.addAll(this.data.people(40, "Report", "Europe/Warsaw", manager));
		}
		// Due 25 hours ago: both reminders and the manager's step have come.
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Concurrent", NOW.minus(Duration.ofDays(4)),
				NOW.minus(Duration.ofHours(25)), everyone);

		List<EscalationSweep.Report> reports = concurrently(2, () -> this.sweep.run(at(NOW), Set.of(post)));

		assertThat(count("select count(*) from escalation_steps_done where announcement_id = ?", post))
			.isEqualTo(3 * 1000);
		assertThat(reports.stream().mapToInt(EscalationSweep.Report::stepsRecorded).sum()).isEqualTo(3000);
		// The two reminders that came together are one, once per person.
		assertThat(count("select count(*) from notifications where announcement_id = ? and kind = 'REMINDER'", post))
			.isEqualTo(1000);
		assertThat(count("select count(distinct employee_id) from notifications where announcement_id = ? "
				+ "and kind = 'REMINDER'", post))
			.isEqualTo(1000);
		assertThat(count("select count(*) from outbox_messages where announcement_id = ? and kind = 'REMINDER'", post))
			.isEqualTo(1000);
		Map<Long, List<String>> listed = digestLines(post);
		assertThat(listed).containsOnlyKeys(managers);
		listed.forEach((manager, lines) -> assertThat(lines).hasSize(40).doesNotHaveDuplicates());
		assertThat(count("select count(*) from escalation_digest_queue where announcement_id = ?", post)).isZero();

		EscalationSweep.Report again = this.sweep.run(at(NOW.plus(Duration.ofMinutes(5))), Set.of(post));

		assertThat(again.stepsRecorded()).isZero();
		assertThat(again.reminders()).isZero();
		assertThat(again.digests()).isZero();
	}

	@Test
	void aRecipientWhoAcknowledgedGetsNothing() {
		long manager = this.data.person("Manager", "Europe/Warsaw", null);
		long acknowledged = this.data.person("Acknowledged", "Europe/Warsaw", manager);
		long late = this.data.person("Late", "Europe/Warsaw", manager);
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Acknowledged or not",
				NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofHours(25)), List.of(acknowledged, late));
		this.data.acknowledge(post, acknowledged, NOW.minus(Duration.ofDays(3)));

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(count("select count(*) from escalation_steps_done where announcement_id = ? and employee_id = ?",
				post, acknowledged))
			.isZero();
		assertThat(count("select count(*) from notifications where employee_id = ?", acknowledged)).isZero();
		assertThat(count("select count(*) from escalation_steps_done where announcement_id = ? and employee_id = ?",
				post, late))
			.isEqualTo(3);
		assertThat(digestLines(post).get(manager)).singleElement().asString().contains("Late");
	}

	@Test
	void someoneWhoLeftGetsNothing() {
		long left = this.data.person("Left", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Left", NOW.minus(Duration.ofDays(4)),
				NOW.minus(Duration.ofHours(25)), List.of(left));
		this.data.deactivate(left);

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(count("select count(*) from escalation_steps_done where announcement_id = ?", post)).isZero();
	}

	@Test
	void aManagerGetsOneDigestAcrossPostsAndAnInactiveManagerIsPassedOver() {
		long top = this.data.person("Top", "Europe/Warsaw", null);
		long inactive = this.data.person("Gone", "Europe/Warsaw", top);
		this.data.deactivate(inactive);
		long anna = this.data.person("Anna", "Europe/Warsaw", inactive);
		long piotr = this.data.person("Piotr", "Europe/Warsaw", inactive);
		long first = this.data.post(this.channel, this.author, "IMPORTANT", "First post", NOW.minus(Duration.ofDays(4)),
				NOW.minus(Duration.ofHours(25)), List.of(anna, piotr));
		long second = this.data.post(this.channel, this.author, "IMPORTANT", "Second post",
				NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofHours(30)), List.of(anna));

		EscalationSweep.Report report = this.sweep.run(at(NOW), Set.of(first, second));

		assertThat(report.digests()).isEqualTo(1);
		List<Map<String, Object>> digests = this.jdbc
			.queryForList("select employee_id, subject, detail, link from notifications where kind = 'MANAGER_DIGEST' "
					+ "and employee_id in (?, ?)", top, inactive);
		assertThat(digests).singleElement().satisfies((digest) -> {
			assertThat(digest.get("employee_id")).isEqualTo(top);
			assertThat(digest.get("link")).isEqualTo("/team");
			assertThat(((String) digest.get("detail")).lines()).hasSize(3)
				.anyMatch((line) -> line.startsWith("First post — Anna"))
				.anyMatch((line) -> line.startsWith("First post — Piotr"))
				.anyMatch((line) -> line.startsWith("Second post — Anna"));
		});
	}

	@Test
	void nobodyUpTheChainRecordsTheStepAsHavingNoManager() {
		long alone = this.data.person("Alone", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Alone", NOW.minus(Duration.ofDays(4)),
				NOW.minus(Duration.ofHours(25)), List.of(alone));

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(this.jdbc.queryForObject("select outcome from escalation_steps_done where announcement_id = ? "
				+ "and step_code = 'important-manager'", String.class, post))
			.isEqualTo("NO_MANAGER");
	}

	@Test
	void aRevisionThatAsksAgainRemindsEveryoneAgain() {
		long person = this.data.person("Reasked", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "CRITICAL", "Evacuation route",
				NOW.minus(Duration.ofMinutes(20)), NOW.plus(Duration.ofMinutes(100)), List.of(person));

		this.sweep.run(at(NOW), Set.of(post));
		this.data.acknowledge(post, person, NOW.plus(Duration.ofMinutes(1)));
		this.sweep.run(at(NOW.plus(Duration.ofMinutes(45))), Set.of(post));

		assertThat(reminders(person, post)).isEqualTo(1);

		this.data.askAgain(post, this.author, NOW.plus(Duration.ofMinutes(50)), NOW.plus(Duration.ofMinutes(170)));
		this.sweep.run(at(NOW.plus(Duration.ofMinutes(64))), Set.of(post));

		assertThat(reminders(person, post)).isEqualTo(1);

		this.sweep.run(at(NOW.plus(Duration.ofMinutes(65))), Set.of(post));

		assertThat(reminders(person, post)).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select step_code || '@' || revision from escalation_steps_done "
				+ "where announcement_id = ? order by revision, step_code", String.class, post))
			.containsExactly("critical-remind-15m@1", "critical-remind-15m@2");
	}

	@Test
	void aLateJoinersOwnDeadlineGivesWayToTheWindowOfAReAsk() {
		long person = this.data.person("Joined late", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Policy sign-off",
				NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(7)), List.of());
		Timestamp joined = Timestamp.from(NOW.minus(Duration.ofDays(6)));
		this.jdbc.update(
				"insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
						+ "late_joiner, ack_due_at) values (?, ?, ?, ?, true, ?)",
				post, person, Timestamp.from(NOW.minus(Duration.ofDays(10))), joined,
				Timestamp.from(NOW.minus(Duration.ofDays(3))));
		this.data.askAgain(post, this.author, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(reminders(person, post)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from escalation_steps_done where announcement_id = ? "
				+ "and employee_id = ? and revision = 2", Long.class, post, person))
			.isZero();

		this.sweep.run(at(NOW.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1))), Set.of(post));

		assertThat(reminders(person, post)).isEqualTo(1);
	}

	@Test
	void aStepInQuietHoursWaitsUntilEightInTheRecipientsOwnZone() {
		ZoneId taipei = ZoneId.of("Asia/Taipei");
		// 15:00 in Warsaw is 21:00 or 22:00 in Taipei.
		Instant now = LocalDate.now(WARSAW).minusDays(40).atTime(15, 0).atZone(WARSAW).toInstant();
		long inWarsaw = this.data.person("Warsaw", "Europe/Warsaw", null);
		long inTaipei = this.data.person("Taipei", "Asia/Taipei", null);
		long post = this.data.post(this.channel, this.author, "IMPORTANT", "Quiet hours", now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofMinutes(1)), List.of(inWarsaw, inTaipei));

		this.sweep.run(at(now), Set.of(post));

		assertThat(steps(post, inWarsaw)).containsExactly("important-remind-at-due", "important-remind-before-due");
		assertThat(steps(post, inTaipei)).containsExactly("important-remind-before-due");

		Instant eightInTaipei = now.atZone(taipei)
			.toLocalDate()
			.plusDays(1)
			.atTime(LocalTime.of(8, 0))
			.atZone(taipei)
			.toInstant();
		this.sweep.run(at(eightInTaipei.minusSeconds(60)), Set.of(post));

		assertThat(steps(post, inTaipei)).containsExactly("important-remind-before-due");

		this.sweep.run(at(eightInTaipei), Set.of(post));

		assertThat(steps(post, inTaipei)).containsExactly("important-remind-at-due", "important-remind-before-due");
	}

	@Test
	void channelOwnersHearThreeDaysAfterDueAndHrWhereAChannelHasNone() {
		Announcing accounts = new Announcing(this.jdbc);
		long owner = this.data.person("Owner", "Europe/Warsaw", null);
		long hr = accounts.person("Hr", "HR").employeeId();
		long owned = this.data.channel("Owned", owner);
		long person = this.data.person("Overdue", "Europe/Warsaw", null);
		long inOwned = this.data.post(owned, this.author, "IMPORTANT", "Owned post", NOW.minus(Duration.ofDays(6)),
				NOW.minus(Duration.ofHours(73)), List.of(person));
		long unowned = this.data.post(this.channel, this.author, "IMPORTANT", "Unowned post",
				NOW.minus(Duration.ofDays(6)), NOW.minus(Duration.ofHours(73)), List.of(person));

		this.sweep.run(at(NOW), Set.of(inOwned, unowned));

		assertThat(escalations(owner)).singleElement().asString().contains("Owned post — 1: Overdue");
		assertThat(escalations(hr)).singleElement()
			.asString()
			.contains("Unowned post — 1: Overdue")
			.doesNotContain("Owned post");
	}

	@Test
	void aCriticalPostThatIsNoCrisisAlertGoesToTheCommunicationsManagersAtDue() {
		long comms = new Announcing(this.jdbc).person("Comms", "COMMS_MANAGER").employeeId();
		long person = this.data.person("Unsafe", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "CRITICAL", "Gas leak", NOW.minus(Duration.ofHours(2)),
				NOW.minus(Duration.ofMinutes(1)), List.of(person));

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(escalations(comms)).singleElement().asString().contains("Gas leak — 1: Unsafe");
		assertThat(this.jdbc.queryForObject(
				"select critical from notifications where employee_id = ? " + "and kind = 'ESCALATION'", Boolean.class,
				comms))
			.isTrue();
	}

	@Test
	void aCrisisAlertGoesToItsPlansResponseTeamWithADeputyForAMemberWhoLeft() {
		long comms = new Announcing(this.jdbc).person("Comms", "COMMS_MANAGER").employeeId();
		long lead = this.data.person("Lead", "Europe/Warsaw", null);
		long formerSpokesperson = this.data.person("Former", "Europe/Warsaw", null);
		long deputy = this.data.person("Deputy", "Europe/Warsaw", null);
		long person = this.data.person("Silent", "Europe/Warsaw", null);
		long post = this.data.post(this.channel, this.author, "CRITICAL", "Fire alarm", NOW.minus(Duration.ofHours(2)),
				NOW.minus(Duration.ofMinutes(1)), List.of(person));
		long plan = this.jdbc
			.queryForObject("insert into crisis_plans (current_revision, last_reviewed_on, created_at) "
					+ "values (1, current_date, now()) returning id", Long.class);
		this.jdbc.update("insert into crisis_plan_revisions (plan_id, revision, title, scenario, severity, owner_id, "
				+ "media, everyone, review_interval_days, changed_at, changes) values (?, 1, 'Fire plan', "
				+ "'FIRE_EVACUATION', 'CRITICAL', ?, 'IN_APP', true, 180, now(), 'created')", plan, lead);
		this.jdbc.update(
				"insert into crisis_plan_team (plan_id, revision, team_role, member_id, deputy_id) "
						+ "values (?, 1, 'LEAD', ?, null), (?, 1, 'SPOKESPERSON', ?, ?)",
				plan, lead, plan, formerSpokesperson, deputy);
		this.jdbc.update("update employees set active = false where id = ?", formerSpokesperson);
		this.jdbc.update("insert into crisis_incidents (plan_id, plan_revision, title, everyone, drill, status, "
				+ "opened_by, opened_at, announcement_id, recipients) values (?, 1, 'Fire alarm', true, false, 'OPEN', "
				+ "?, now(), ?, 1)", plan, lead, post);

		this.sweep.run(at(NOW), Set.of(post));

		assertThat(escalations(lead)).singleElement().asString().contains("Fire alarm — 1: Silent");
		assertThat(escalations(deputy)).singleElement().asString().contains("Fire alarm — 1: Silent");
		assertThat(escalations(formerSpokesperson)).isEmpty();
		assertThat(escalations(comms)).isEmpty();
	}

	private int reminders(long person, long post) {
		return count("select count(*) from notifications where employee_id = ? and announcement_id = ? "
				+ "and kind = 'REMINDER'", person, post);
	}

	private List<String> steps(long post, long person) {
		return this.jdbc.queryForList("select step_code from escalation_steps_done where announcement_id = ? "
				+ "and employee_id = ? and outcome = 'SENT' order by step_code", String.class, post, person);
	}

	private List<String> escalations(long target) {
		return this.jdbc.queryForList(
				"select detail from notifications where employee_id = ? and kind = 'ESCALATION' order by id",
				String.class, target);
	}

	// Every line of every manager digest about a post, by manager.
	private Map<Long, List<String>> digestLines(long post) {
		Map<Long, List<String>> lines = new HashMap<>();
		this.jdbc.query("select employee_id, detail from notifications where kind = 'MANAGER_DIGEST' "
				+ "and announcement_id = ?", (rs) -> {
					lines.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.addAll(rs.getString(2).lines().toList());
				}, post);
		return lines;
	}

	private int count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Integer.class, arguments);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
