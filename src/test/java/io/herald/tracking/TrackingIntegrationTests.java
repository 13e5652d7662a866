package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.Announcements;
import io.herald.announcement.Feed;
import io.herald.announcement.Priority;
import io.herald.audit.AuditLog;
import io.herald.channel.Channels;
import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.shared.ChangeRefused;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Receipts, counters, reports and reminders on PostgreSQL: simultaneous acknowledgements
 * count once each, the report always equals a recount over the deliveries (through reads,
 * acknowledgements, late joiners and a material revision), only recipients record
 * receipts, only HR, administrators and channel managers see tracking, and reminders by
 * hand go at most once every twelve hours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrackingIntegrationTests implements PostgresIntegrationTest {

	static final String COMMS = "comms@herald.test";

	static final String HR = "hr@herald.test";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	UserDetailsService users;

	@Autowired
	DeliveryCounts counts;

	@Autowired
	Receipts receipts;

	@Autowired
	TrackingReports reports;

	@Autowired
	ManualReminders reminders;

	@Autowired
	Announcements announcements;

	@Autowired
	Channels channels;

	@Autowired
	TrackingAccess access;

	@Autowired
	ReminderThrottle throttle;

	@Autowired
	Notifications notifications;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Feed feed;

	TrackingFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new TrackingFixture(this.jdbc, this.users, this.counts);
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void fiveHundredSimultaneousAcknowledgementsCountOnceEachAndRepeatingThemChangesNothing() throws Exception {
		long department = this.fixture.department("Concurrency");
		List<Long> people = this.fixture.people(500, department, this.fixture.location("Concurrency site"));
		long channel = this.fixture.topic(people);
		long post = this.fixture.track(this.fixture.as(COMMS, () -> {
			long id = this.announcements.create(new AnnouncementDraft(channel, "Five hundred at once", null,
					"Acknowledge **now**.", Priority.IMPORTANT, true, null, Set.of(), Set.of(), null, null, null, 0));
			assertThat(this.announcements.publish(id)).isEqualTo(500);
			return id;
		}));

		acknowledgeAllAtOnce(post, people);

		assertThat(this.sql.sql("""
				select count(*) from deliveries
				where announcement_id = :announcement
				  and acknowledged_at is not null and acknowledged_revision = 1 and read_at is not null""")
			.param("announcement", post)
			.query(Long.class)
			.single()).isEqualTo(500);
		assertThat(counters(post)).containsExactly(500L, 500L, 500L, 500L);
		TrackingReport report = this.fixture.as(COMMS, () -> this.reports.report(post));
		assertThat(report.totals()).isEqualTo(new TrackingFigures(500, 500, 500, 500, 0));
		assertThat(report.totals().ackRate()).isEqualTo(100.0);
		Map<Long, Timestamp> first = acknowledgedAt(post);

		acknowledgeAllAtOnce(post, people);

		assertThat(acknowledgedAt(post)).isEqualTo(first);
		assertThat(counters(post)).containsExactly(500L, 500L, 500L, 500L);
		assertThat(this.fixture.as(COMMS, () -> this.reports.report(post)).totals()).isEqualTo(report.totals());
	}

	@Test
	void theReportEqualsARecountThroughReadsAcknowledgementsLateJoinersAndAMaterialRevision() {
		long sales = this.fixture.department("Sales");
		long support = this.fixture.department("Support");
		long warsaw = this.fixture.location("Warsaw");
		long taipei = this.fixture.location("Taipei");
		List<Long> people = new ArrayList<>();
		people.addAll(this.fixture.people(10, sales, warsaw));
		people.addAll(this.fixture.people(10, sales, taipei));
		people.addAll(this.fixture.people(10, support, warsaw));
		people.addAll(this.fixture.people(5, null, null));
		long channel = this.fixture.topic(people);
		Instant now = Instant.now();
		long post = this.fixture.published(channel, "IMPORTANT", true, now.minus(Duration.ofHours(2)),
				now.minus(Duration.ofHours(1)), people);

		for (int i = 0; i < 20; i++) {
			read(people.get(i), post);
		}
		read(people.get(0), post);
		for (int i = 0; i < 12; i++) {
			acknowledge(people.get(i), post);
		}
		acknowledge(people.get(0), post);
		acknowledge(people.get(25), post);
		// Three people join the audience late, each with their own due time.
		List<Long> late = List.of(this.fixture.person(support, taipei), this.fixture.person(sales, null),
				this.fixture.person(null, warsaw));
		String slug = this.fixture.slug(channel);
		late.forEach((person) -> this.fixture.asEmployee(person, () -> this.channels.subscribe(slug)));
		assertThat(this.sql.sql("""
				select count(*) from deliveries
				where announcement_id = :announcement and late_joiner and ack_due_at > now()""")
			.param("announcement", post)
			.query(Long.class)
			.single()).isEqualTo(3);
		acknowledge(late.get(0), post);
		this.sql.sql("""
				update deliveries set ack_due_at = now() - interval '1 minute'
				where announcement_id = :announcement and employee_id = :employee""")
			.param("announcement", post)
			.param("employee", late.get(2))
			.update();

		TrackingReport before = assertReportEqualsRecount(post);
		// 22 of the first recipients owe it past the post's due time, and so does
		// the late joiner whose own due time has passed.
		assertThat(before.totals()).isEqualTo(new TrackingFigures(38, 22, 14, 1, 23));

		this.fixture.as(COMMS,
				() -> this.announcements.revise(post,
						new AnnouncementDraft(channel, title(post), null, "Please read **this**, it changed.",
								Priority.IMPORTANT, true, null, Set.of(), Set.of(), null, null, null, version(post)),
						true));
		for (int i = 0; i < 5; i++) {
			acknowledge(people.get(i), post);
		}
		acknowledge(late.get(1), post);
		read(people.get(30), post);

		TrackingReport after = assertReportEqualsRecount(post);
		// Asking again gives everyone the new window, the late joiner whose own
		// time had run out included: nobody is overdue for the new revision.
		assertThat(after.totals()).isEqualTo(new TrackingFigures(38, 24, 6, 6, 0));
		assertThat(
				this.fixture
					.as(COMMS,
							() -> this.reports
								.recipients(post, new RecipientQuery(RecipientFilter.OVERDUE, null),
										PageRequest.of(0, 50))
								.getContent())
					.stream()
					.map(TrackedRecipient::employeeId))
			.isEmpty();
		assertThat(this.fixture.as(COMMS,
				() -> this.reports
					.recipients(post, new RecipientQuery(RecipientFilter.NOT_ACKNOWLEDGED, sales), PageRequest.of(0, 5))
					.getTotalElements()))
			.isEqualTo(21 - 6);
		assertThat(
				this.fixture
					.as(COMMS,
							() -> this.reports
								.recipients(post, new RecipientQuery(RecipientFilter.ACKNOWLEDGED, null),
										PageRequest.of(0, 50))
								.getContent())
					.stream()
					.map(TrackedRecipient::status)
					.distinct())
			.containsExactly(RecipientStatus.ACKNOWLEDGED);
	}

	@Test
	void readsCountOnceAndTimeToReadIsTheMedianAndNinetiethPercentileFromDelivery() {
		List<Long> people = this.fixture.people(4, null, null);
		long channel = this.fixture.topic(people);
		Instant published = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		long post = this.fixture.published(channel, "INFO", false, published, null, people);
		List<Duration> latencies = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5),
				Duration.ofDays(1).plusMillis(500));
		for (int i = 0; i < latencies.size(); i++) {
			this.sql.sql("""
					update deliveries set read_at = :readAt
					where announcement_id = :announcement and employee_id = :employee""")
				.param("readAt", Timestamp.from(published.plus(latencies.get(i))))
				.param("announcement", post)
				.param("employee", people.get(i))
				.update();
		}
		this.counts.recount(List.of(post));
		read(people.get(0), post);
		read(people.get(3), post);
		read(people.get(3), post);

		TrackingReport report = this.fixture.as(HR, () -> this.reports.report(post));

		assertThat(report.totals()).isEqualTo(new TrackingFigures(4, 4, 0, 0, 0));
		assertThat(report.totals().readRate()).isEqualTo(100.0);
		// Four latencies now: 30 s, 5 min, 1 d 0.5 s and the last read, moments ago
		// but two days after delivery.
		assertThat(report.medianTimeToRead()).isEqualTo(Duration.ofMillis((300_000 + 86_400_500) / 2));
		assertThat(report.p90TimeToRead()).isGreaterThan(Duration.ofDays(1)).isLessThan(Duration.ofDays(3));
		assertReportEqualsRecount(post);
	}

	@Test
	void nobodyOutsideTheAudienceCanReadOrAcknowledge() {
		List<Long> people = this.fixture.people(2, null, null);
		long channel = this.fixture.topic(people.subList(0, 1));
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)), people.subList(0, 1));
		long outsider = people.get(1);

		assertThatThrownBy(() -> read(outsider, post)).isInstanceOf(ReceiptNotFound.class);
		assertThatThrownBy(() -> acknowledge(outsider, post)).isInstanceOf(ReceiptNotFound.class);
		assertThatThrownBy(() -> acknowledge(people.get(0), post + 1_000_000)).isInstanceOf(ReceiptNotFound.class);
		assertThat(this.sql.sql("select count(*) from deliveries where announcement_id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single()).isOne();
		assertThat(counters(post)).containsExactly(1L, 0L, 0L, 0L);
	}

	@Test
	void acknowledgingAPostThatAsksForNoneOrHasExpiredIsRefused() {
		List<Long> people = this.fixture.people(1, null, null);
		long channel = this.fixture.topic(people);
		long info = this.fixture.published(channel, "INFO", false, Instant.now().minusSeconds(60), null, people);
		long expired = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minusSeconds(60),
				Instant.now().plusSeconds(600), people);
		this.sql.sql("update announcements set expires_at = now() - interval '1 second' where id = :announcement")
			.param("announcement", expired)
			.update();

		assertThatThrownBy(() -> acknowledge(people.get(0), info)).isInstanceOf(ChangeRefused.class)
			.extracting((ex) -> ((ChangeRefused) ex).code())
			.isEqualTo("tracking.ack.notRequested");
		assertThatThrownBy(() -> acknowledge(people.get(0), expired)).isInstanceOf(ChangeRefused.class)
			.extracting((ex) -> ((ChangeRefused) ex).code())
			.isEqualTo("tracking.ack.expired");
		assertThat(counters(expired)).containsExactly(1L, 0L, 0L, 0L);
	}

	@Test
	void onlyHrAdministratorsAndTheChannelsManagersSeeTracking() {
		List<Long> people = this.fixture.people(3, null, null);
		long channel = this.fixture.topic(people.subList(0, 2));
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)), people.subList(0, 2));
		long owner = people.get(2);
		long recipient = people.get(0);
		this.sql
			.sql("insert into channel_members (channel_id, employee_id, role) values (:channel, :employee, 'OWNER')")
			.param("channel", channel)
			.param("employee", owner)
			.update();

		for (String role : List.of(HR, "admin@herald.test", COMMS)) {
			assertThat(this.fixture.as(role, () -> this.reports.report(post)).totals().recipients()).isEqualTo(2);
		}
		assertThat(this.fixture.asEmployee(owner, () -> this.reports.report(post)).totals().recipients()).isEqualTo(2);
		assertThatThrownBy(() -> this.fixture.asEmployee(recipient, () -> this.reports.report(post)))
			.isInstanceOf(TrackingNotFound.class);
		assertThatThrownBy(() -> this.fixture.asEmployee(recipient,
				() -> this.reports.recipients(post, RecipientQuery.EVERYONE, PageRequest.of(0, 10))))
			.isInstanceOf(TrackingNotFound.class);
		assertThatThrownBy(
				() -> this.fixture.asEmployee(recipient, () -> this.reports.csv(post, RecipientQuery.EVERYONE)))
			.isInstanceOf(TrackingNotFound.class);
		assertThatThrownBy(() -> this.fixture.asEmployee(recipient, () -> this.reminders.remindNonAcknowledgers(post)))
			.isInstanceOf(TrackingNotFound.class);
		assertThatThrownBy(() -> this.fixture.as(HR, () -> this.reports.report(post + 1_000_000)))
			.isInstanceOf(TrackingNotFound.class);
		assertThat(this.sql.sql("select count(*) from tracking_reminders where announcement_id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void remindersGoToActiveRecipientsWhoHaveNotAcknowledgedAndAreAudited() {
		List<Long> people = this.fixture.people(4, null, null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)), people);
		acknowledge(people.get(0), post);
		this.sql.sql("update employees set active = false where id = :employee")
			.param("employee", people.get(1))
			.update();

		Reminded reminded = this.fixture.as(COMMS, () -> this.reminders.remindNonAcknowledgers(post));

		assertThat(reminded.recipients()).isEqualTo(2);
		assertThat(this.sql.sql("""
				select employee_id from notifications
				where announcement_id = :announcement and kind = 'REMINDER' order by employee_id""")
			.param("announcement", post)
			.query(Long.class)
			.list()).containsExactly(people.get(2), people.get(3));
		assertThat(this.sql.sql("""
				select employee_id from outbox_messages
				where announcement_id = :announcement and kind = 'REMINDER' order by employee_id""")
			.param("announcement", post)
			.query(Long.class)
			.list()).containsExactly(people.get(2), people.get(3));
		assertThat(this.sql.sql("""
				select details from audit_entries where action = 'tracking.reminded' and target_id = :announcement""")
			.param("announcement", post)
			.query(String.class)
			.single()).isEqualTo("2 recipients");
		ReminderState state = this.fixture.as(COMMS, () -> this.reports.report(post)).reminders();
		assertThat(state.available()).isFalse();
		assertThat(state.lastReminded()).isEqualTo(2);
		assertThat(state.availableAt()).isEqualTo(reminded.availableAt());
		assertThatThrownBy(() -> this.fixture.as(COMMS, () -> this.reminders.remindNonAcknowledgers(post)))
			.isInstanceOf(ChangeRefused.class)
			.extracting((ex) -> ((ChangeRefused) ex).code())
			.isEqualTo("tracking.remind.tooSoon");
		assertThat(this.sql.sql("select count(*) from notifications where announcement_id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void remindingByHandIsThrottledToOnceInTwelveHoursAsTheClockMoves() {
		List<Long> people = this.fixture.people(2, null, null);
		long channel = this.fixture.topic(people);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long post = this.fixture.published(channel, "CRITICAL", true, start.minusSeconds(60),
				start.plus(Duration.ofDays(3)), people);
		MutableClock clock = new MutableClock(start);
		ManualReminders reminding = new ManualReminders(this.sql, this.access, this.throttle, this.notifications,
				this.audit, clock);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		Callable<Reminded> remind = () -> this.fixture.as(COMMS,
				() -> transaction.execute((status) -> reminding.remindNonAcknowledgers(post)));

		assertThat(call(remind)).isEqualTo(new Reminded(2, start.plus(Duration.ofHours(12))));
		clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThatThrownBy(() -> call(remind)).isInstanceOf(ChangeRefused.class);
		clock.advance(Duration.ofMinutes(1));
		assertThat(call(remind)).isEqualTo(new Reminded(2, start.plus(Duration.ofHours(24))));
		clock.advance(Duration.ofHours(1));
		assertThatThrownBy(() -> call(remind)).isInstanceOf(ChangeRefused.class);

		// Each reminder is its own e-mail (its key names its time), critical ones
		// whatever the person's preferences.
		assertThat(this.sql.sql("""
				select count(*) from outbox_messages
				where announcement_id = :announcement and kind = 'REMINDER' and critical""")
			.param("announcement", post)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(this.sql.sql("select reminded_at from tracking_reminders where announcement_id = :announcement")
			.param("announcement", post)
			.query(Timestamp.class)
			.single()
			.toInstant()).isEqualTo(start.plus(Duration.ofHours(12)));
	}

	@Test
	void ofTwoSimultaneousRemindersOnlyOneTakesTheSlot() throws Exception {
		List<Long> people = this.fixture.people(1, null, null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)), people);
		long by = people.get(0);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> claims = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				claims.add(threads.submit(() -> {
					start.await();
					return this.throttle.claim(post, by, 1, now);
				}));
			}
			start.countDown();
			int taken = 0;
			for (Future<Boolean> claim : claims) {
				taken += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(taken).isOne();
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.throttle.claim(post, by, 1, now.plus(Duration.ofHours(12)).minusNanos(1000))).isFalse();
		assertThat(this.throttle.claim(post, by, 1, now.plus(Duration.ofHours(12)))).isTrue();
	}

	@Test
	void anAcknowledgementOfARevisionOlderThanTheOneAskedForIsRefused() {
		List<Long> people = this.fixture.people(3, null, null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(2)), people);
		reviseMaterially(channel, post, null);

		assertThatThrownBy(() -> this.fixture.asEmployee(people.get(0), () -> this.receipts.acknowledge(post, 1)))
			.isInstanceOf(ChangeRefused.class)
			.extracting((refused) -> ((ChangeRefused) refused).code())
			.isEqualTo("tracking.ack.revised");
		assertThat(counters(post)).containsExactly(3L, 0L, 0L, 0L);

		Acknowledgement recorded = this.fixture.asEmployee(people.get(0), () -> this.receipts.acknowledge(post, 2));
		assertThat(recorded.revision()).isEqualTo(2);
		assertReportEqualsRecount(post);
	}

	@Test
	void acknowledgementsRacingAMaterialRevisionLeaveTheCountersEqualToARecount() throws Exception {
		List<Long> people = this.fixture.people(200, this.fixture.department("Racing"), null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(2)), people);
		List<Callable<?>> work = new ArrayList<>();
		for (long person : people) {
			work.add(() -> this.fixture.asEmployee(person, () -> this.receipts.acknowledge(post, null)));
		}
		work.add(() -> {
			Thread.sleep(5);
			reviseMaterially(channel, post, null);
			return null;
		});

		allAtOnce(work);

		assertReportEqualsRecount(post);
	}

	@Test
	void openingAPostWhileAcknowledgingItIsNeverADeadlock() throws Exception {
		// Opening records the read (the delivery's row, then its counter) while an
		// acknowledgement takes the counter first: in opposite orders the two waited
		// for each other and PostgreSQL broke the tie with an error (a 500 in the crisis
		// surge, where people open the alert and check in at once).
		List<Long> people = this.fixture.people(80, this.fixture.department("Opening"), null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(2)), people);
		List<Callable<?>> work = new ArrayList<>();
		for (long person : people) {
			work.add(() -> this.fixture.asEmployee(person, () -> this.feed.open(post)));
			work.add(() -> this.fixture.asEmployee(person, () -> this.receipts.acknowledge(post, null)));
		}

		allAtOnce(work);

		assertReportEqualsRecount(post);
	}

	@Test
	void movingTheDueTimeJudgesEarlierAcknowledgementsAgainstTheNewOne() {
		List<Long> people = this.fixture.people(4, null, null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minus(Duration.ofDays(2)),
				Instant.now().minus(Duration.ofHours(1)), people);
		acknowledge(people.get(0), post);
		acknowledge(people.get(1), post);
		assertThat(counters(post)).containsExactly(4L, 2L, 2L, 0L);

		this.fixture.as(COMMS, () -> {
			this.announcements.revise(post,
					draft(channel, post, "The same words.", Instant.now().plus(Duration.ofDays(1))), false);
			return null;
		});

		assertThat(counters(post)).containsExactly(4L, 2L, 2L, 2L);
		assertReportEqualsRecount(post);
	}

	@Test
	void acknowledgingWithdrawsTheRemindersNotYetSent() {
		List<Long> people = this.fixture.people(2, null, null);
		long channel = this.fixture.topic(people);
		long post = this.fixture.published(channel, "IMPORTANT", true, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(2)), people);
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.notifications.send(people.stream()
				.map((person) -> new Notice(person, NotificationKind.REMINDER, post, "Withdrawn", null,
						"/announcements/" + post, false, "withdraw:" + post + ":" + person))
				.toList()));

		acknowledge(people.get(0), post);

		assertThat(this.sql
			.sql("select status from outbox_messages where announcement_id = :announcement order by employee_id")
			.param("announcement", post)
			.query(String.class)
			.list()).containsExactly("CANCELLED", "PENDING");
	}

	private void reviseMaterially(long channel, long post, Instant due) {
		this.fixture.as(COMMS, () -> {
			this.announcements.revise(post, draft(channel, post, "Please read **this**, it changed.", due), true);
			return null;
		});
	}

	private AnnouncementDraft draft(long channel, long post, String body, Instant due) {
		return new AnnouncementDraft(channel, title(post), null, body, Priority.IMPORTANT, true, due, Set.of(),
				Set.of(), null, null, null, version(post));
	}

	private TrackingReport assertReportEqualsRecount(long post) {
		TrackingReport report = this.fixture.as(COMMS, () -> this.reports.report(post));
		Instant now = Instant.now();
		Map<List<Long>, TrackingFigures> recount = this.fixture.recount(post, now);
		TrackingFigures total = recount.values().stream().reduce(TrackingFigures.NONE, TrackingFigures::plus);
		assertThat(report.totals()).isEqualTo(total);
		assertThat(byId(report.byDepartment())).isEqualTo(grouped(recount, 0));
		assertThat(byId(report.byLocation())).isEqualTo(grouped(recount, 1));
		// And the counters themselves, row by row, equal the recount.
		assertThat(counterRows(post)).isEqualTo(recountRows(post));
		return report;
	}

	private static Map<Long, TrackingFigures> byId(List<TrackingBreakdown> rows) {
		Map<Long, TrackingFigures> figures = new HashMap<>();
		rows.forEach((row) -> figures.put((row.id() != null) ? row.id() : 0L, row.figures()));
		return figures;
	}

	private static Map<Long, TrackingFigures> grouped(Map<List<Long>, TrackingFigures> recount, int part) {
		Map<Long, TrackingFigures> figures = new HashMap<>();
		recount.forEach((key, value) -> figures.merge(key.get(part), value, TrackingFigures::plus));
		return figures;
	}

	private String title(long post) {
		return this.sql.sql("select title from announcements where id = :announcement")
			.param("announcement", post)
			.query(String.class)
			.single();
	}

	private long version(long post) {
		return this.sql.sql("select version from announcements where id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single();
	}

	private List<Map<String, Object>> counterRows(long post) {
		return this.sql.sql("""
				select department_id, location_id, shard, delivered, read_count, acknowledged, acknowledged_on_time
				from delivery_counts where announcement_id = :announcement and delivered > 0
				order by department_id, location_id, shard""").param("announcement", post).query().listOfRows();
	}

	private List<Map<String, Object>> recountRows(long post) {
		return this.sql.sql("""
				select coalesce(d.department_id, 0) as department_id, coalesce(d.location_id, 0) as location_id,
				  cast(mod(d.employee_id, :shards) as smallint) as shard,
				  cast(count(*) as integer) as delivered, cast(count(d.read_at) as integer) as read_count,
				  cast(sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision
				    then 1 else 0 end) as integer) as acknowledged,
				  cast(sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision
				    and d.acknowledged_at <= coalesce(greatest(d.ack_due_at, a.ack_due_at), d.acknowledged_at)
				    then 1 else 0 end) as integer) as acknowledged_on_time
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement
				group by 1, 2, 3 order by 1, 2, 3""")
			.param("shards", DeliveryCounts.SHARDS)
			.param("announcement", post)
			.query()
			.listOfRows();
	}

	private List<Long> counters(long post) {
		return this.sql.sql("""
				select sum(delivered) as delivered, sum(read_count) as read_count, sum(acknowledged) as acknowledged,
				  sum(acknowledged_on_time) as acknowledged_on_time
				from delivery_counts where announcement_id = :announcement""")
			.param("announcement", post)
			.query((rs, n) -> List.of(rs.getLong("delivered"), rs.getLong("read_count"), rs.getLong("acknowledged"),
					rs.getLong("acknowledged_on_time")))
			.single();
	}

	private Map<Long, Timestamp> acknowledgedAt(long post) {
		Map<Long, Timestamp> at = new HashMap<>();
		this.sql.sql("select employee_id, acknowledged_at from deliveries where announcement_id = :announcement")
			.param("announcement", post)
			.query((java.sql.ResultSet rs) -> {
				at.put(rs.getLong("employee_id"), rs.getTimestamp("acknowledged_at"));
			});
		return at;
	}

	// Starts all the work together on eight threads and waits for each: an exception in
	// any (a deadlock, say) fails the test.
	private static void allAtOnce(List<Callable<?>> work) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Callable<?> task : work) {
				running.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<?> done : running) {
				done.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void acknowledgeAllAtOnce(long post, List<Long> people) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<Acknowledgement>> acks = new ArrayList<>();
			for (long person : people) {
				acks.add(threads.submit(() -> {
					start.await();
					return SignedIn.as(SignedIn.employee(person), () -> this.receipts.acknowledge(post, null));
				}));
			}
			start.countDown();
			for (Future<Acknowledgement> ack : acks) {
				assertThat(ack.get(60, TimeUnit.SECONDS).revision()).isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void read(long person, long post) {
		this.fixture.asEmployee(person, () -> this.receipts.read(post));
	}

	private void acknowledge(long person, long post) {
		this.fixture.asEmployee(person, () -> this.receipts.acknowledge(post, null));
	}

	private static <T> T call(Callable<T> work) {
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A clock the test moves by hand.
	 */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
