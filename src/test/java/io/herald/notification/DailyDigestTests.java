package io.herald.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.Notifying;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest: queued once per local day after eight o'clock in each person's own
 * zone, listing the non-critical notifications still unread that came in since the last
 * one, never empty, and queued with as many statements for many people as for few.
 */
@Import(StatementCounter.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DailyDigestTests implements PostgresIntegrationTest {

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Autowired
	DailyDigest digest;

	Announcing people;

	Notifying notifying;

	// A day after anything these tests create, so every notification is in the past.
	LocalDate tomorrow;

	@BeforeEach
	void setUp() {
		this.people = new Announcing(this.jdbc);
		this.notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
		this.tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
	}

	@Test
	void aDigestIsQueuedOnceADayAfterEightInThePersonsZone() {
		Person dana = digestReader("Dana", TAIPEI);
		this.notifying.notify(dana.employeeId(), NotificationKind.REMINDER, "Day one", "/feed");

		this.digest.queueDue(at(this.tomorrow, LocalTime.of(7, 59), TAIPEI));
		assertThat(digests(dana)).isEmpty();

		this.digest.queueDue(at(this.tomorrow, LocalTime.of(8, 0), TAIPEI));
		this.digest.queueDue(at(this.tomorrow, LocalTime.of(8, 15), TAIPEI));
		this.digest.queueDue(at(this.tomorrow, LocalTime.of(23, 59), TAIPEI));

		assertThat(digests(dana)).extracting((row) -> row.get("idempotency_key"))
			.containsExactly("digest:" + dana.employeeId() + ":" + this.tomorrow);
		assertThat(this.jdbc.queryForObject("select digest_sent_on from notification_preferences where employee_id = ?",
				LocalDate.class, dana.employeeId()))
			.isEqualTo(this.tomorrow);

		this.notifying.notify(dana.employeeId(), NotificationKind.REMINDER, "Day two", "/feed");
		arrivedAt(dana, "Day two", at(this.tomorrow.plusDays(1), LocalTime.of(7, 0), TAIPEI));
		this.digest.queueDue(at(this.tomorrow.plusDays(1), LocalTime.of(8, 0), TAIPEI));

		assertThat(digests(dana)).hasSize(2);
	}

	@Test
	void eightOClockIsEachPersonsOwn() {
		Person taipei = digestReader("Taipei", TAIPEI);
		Person newYork = digestReader("NewYork", NEW_YORK);
		this.notifying.notify(taipei.employeeId(), NotificationKind.REMINDER, "For Taipei", "/feed");
		this.notifying.notify(newYork.employeeId(), NotificationKind.REMINDER, "For New York", "/feed");
		// Seven in the morning in New York is evening in Taipei, the same day.
		Instant sevenInNewYork = at(this.tomorrow, LocalTime.of(7, 0), NEW_YORK);

		this.digest.queueDue(sevenInNewYork);

		assertThat(digests(taipei)).extracting((row) -> row.get("idempotency_key"))
			.containsExactly("digest:" + taipei.employeeId() + ":" + this.tomorrow);
		assertThat(digests(newYork)).isEmpty();

		this.digest.queueDue(sevenInNewYork.plusSeconds(3600));

		assertThat(digests(newYork)).extracting((row) -> row.get("idempotency_key"))
			.containsExactly("digest:" + newYork.employeeId() + ":" + this.tomorrow);
		assertThat(digests(taipei)).hasSize(1);
	}

	@Test
	void aDigestListsOnlyUnreadNonCriticalNotificationsSinceTheLastOne() {
		Person dana = digestReader("Dana", TAIPEI);
		this.notifying.notify(dana.employeeId(), NotificationKind.REMINDER, "Unread", "/feed");
		this.notifying.notify(dana.employeeId(), NotificationKind.NUDGE, "Read already", "/feed");
		this.notifying.send(dana.employeeId(), NotificationKind.CRITICAL_POST, "Critical", null, "/feed", true);
		this.jdbc.update("update notifications set read_at = ? where employee_id = ? and subject = 'Read already'",
				Timestamp.from(Instant.now()), dana.employeeId());

		this.digest.queueDue(at(this.tomorrow, LocalTime.of(9, 0), TAIPEI));

		List<Map<String, Object>> first = digests(dana);
		assertThat(first).hasSize(1);
		assertThat(first.get(0)).containsEntry("subject", "1")
			.containsEntry("status", "PENDING")
			.containsEntry("link", "/notifications")
			.containsEntry("critical", false);
		assertThat(subjects(first.get(0))).containsExactly("Unread");

		// Read after the digest was queued: still listed, as it was unread then.
		this.jdbc.update("update notifications set read_at = ? where employee_id = ? and subject = 'Unread'",
				Timestamp.from(at(this.tomorrow, LocalTime.of(9, 5), TAIPEI)), dana.employeeId());
		assertThat(subjects(first.get(0))).containsExactly("Unread");

		this.notifying.notify(dana.employeeId(), NotificationKind.ESCALATION, "Next day", "/feed");
		arrivedAt(dana, "Next day", at(this.tomorrow.plusDays(1), LocalTime.of(7, 0), TAIPEI));
		this.digest.queueDue(at(this.tomorrow.plusDays(1), LocalTime.of(9, 0), TAIPEI));

		List<Map<String, Object>> both = digests(dana);
		assertThat(both).hasSize(2);
		assertThat(subjects(both.get(1))).containsExactly("Next day");
	}

	@Test
	void nobodyGetsAnEmptyDigestAndOnlyDigestReadersGetOne() {
		Person quiet = digestReader("Quiet", TAIPEI);
		Person immediate = this.people.person("Immediate");
		this.jdbc.update("insert into notification_preferences (employee_id, mode) values (?, 'EMAIL_IMMEDIATE')",
				immediate.employeeId());
		this.notifying.notify(immediate.employeeId(), NotificationKind.REMINDER, "Mailed at once", "/feed");

		this.digest.queueDue(at(this.tomorrow, LocalTime.of(9, 0), TAIPEI));

		assertThat(digests(quiet)).isEmpty();
		assertThat(digests(immediate)).isEmpty();
		assertThat(this.jdbc.queryForObject("select digest_sent_on from notification_preferences where employee_id = ?",
				LocalDate.class, quiet.employeeId()))
			.isEqualTo(this.tomorrow);
	}

	@Test
	void queuingTakesAsManyStatementsForManyPeopleAsForFew() {
		LocalDate day = this.tomorrow.plusDays(10);
		int few = statementsToQueue(2, day);
		int many = statementsToQueue(20, day.plusDays(1));

		assertThat(many).isEqualTo(few);
	}

	@Test
	void theScheduledRunHoldsTheLockSoOnlyOneInstanceRunsIt() {
		this.digest.scheduled();

		assertThat(this.jdbc.queryForObject("select count(*) from shedlock where name = 'notification-daily-digest'",
				Long.class))
			.isOne();
	}

	private int statementsToQueue(int count, LocalDate day) {
		List<Person> readers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Person reader = digestReader("Counted", TAIPEI);
			this.notifying.notify(reader.employeeId(), NotificationKind.REMINDER, "Counted", "/feed");
			readers.add(reader);
		}
		// Everyone else's digest for the day first, so only these are due below.
		this.jdbc.update(
				"update notification_preferences set digest_sent_on = ? where mode = 'EMAIL_DIGEST' "
						+ "and employee_id not in ("
						+ String.join(", ",
								readers.stream().map((reader) -> String.valueOf(reader.employeeId())).toList())
						+ ")",
				day);
		int statements = StatementCounter.count(StatementCounter.callingThread(),
				() -> this.digest.queueDue(at(day, LocalTime.of(9, 0), TAIPEI)));
		assertThat(readers).allSatisfy((reader) -> assertThat(digests(reader)).hasSize(1));
		return statements;
	}

	// The tests' clock runs days ahead: a notification for a later digest has to
	// come in after the earlier one.
	private void arrivedAt(Person person, String subject, Instant at) {
		this.jdbc.update("update notifications set created_at = ? where employee_id = ? and subject = ?",
				Timestamp.from(at), person.employeeId(), subject);
	}

	private Person digestReader(String name, ZoneId zone) {
		Person person = this.people.person(name);
		this.jdbc.update("update employees set time_zone = ? where id = ?", zone.getId(), person.employeeId());
		this.jdbc.update("insert into notification_preferences (employee_id, mode) values (?, 'EMAIL_DIGEST')",
				person.employeeId());
		return person;
	}

	private List<Map<String, Object>> digests(Person person) {
		return this.jdbc.queryForList(
				"select * from outbox_messages where employee_id = ? and kind = 'DAILY_DIGEST' order by id",
				person.employeeId());
	}

	private List<String> subjects(Map<String, Object> row) {
		Timestamp coversFrom = (Timestamp) row.get("covers_from");
		OutboxMessage message = new OutboxMessage(((Number) row.get("id")).longValue(),
				(String) row.get("idempotency_key"), ((Number) row.get("employee_id")).longValue(),
				OutboxMessage.DIGEST, null, (String) row.get("subject"), null, (String) row.get("link"), false, 0,
				((Timestamp) row.get("created_at")).toInstant(), (coversFrom != null) ? coversFrom.toInstant() : null);
		return this.digest.entries(message).stream().map(DigestEntry::subject).toList();
	}

	private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
		return date.atTime(time).atZone(zone).toInstant();
	}

}
