package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import io.herald.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing tells the recipients who should hear about a post: an IMPORTANT post and any
 * post that asks for acknowledgement reach each of them once in the app and, as each
 * chose, by e-mail now (an outbox row) or in the digest (the inbox row the digest lists);
 * an INFO post that asks for nothing tells nobody. The same holds when the scheduler
 * publishes a post, and for a late joiner; a repeated event adds nothing; the fan-out
 * takes as many statements for many recipients as for few. Every count is of this test's
 * own people.
 */
@Import(StatementCounter.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicationNotificationsTests implements PostgresIntegrationTest {

	@Autowired
	Announcements announcements;

	@Autowired
	ScheduledPublisher scheduler;

	@Autowired
	LateJoiners lateJoiners;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	UserDetailsService users;

	AudienceFixture fixture;

	TransactionTemplate transactions;

	long department;

	long channel;

	long straightAway;

	long digest;

	long inAppOnly;

	Authentication author;

	@BeforeEach
	void audience() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.department = this.fixture.department("Notified");
		this.straightAway = this.fixture.person(this.department, null);
		this.digest = this.fixture.person(this.department, null);
		this.inAppOnly = this.fixture.person(this.department, null);
		prefer(this.digest, "EMAIL_DIGEST");
		prefer(this.inAppOnly, "IN_APP");
		this.channel = this.fixture.channel("DEPARTMENT", this.department, null, false);
		this.author = SignedIn.person(this.fixture.person(null, null), "ROLE_EMPLOYEE", "ROLE_COMMS_MANAGER");
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void anImportantPostReachesEachRecipientOnceInTheAppAndByEmailAsTheyChose() {
		long id = publish(Priority.IMPORTANT, false);

		for (long person : List.of(this.straightAway, this.digest, this.inAppOnly)) {
			assertThat(inbox(id, person)).singleElement().satisfies((row) -> {
				assertThat(row).containsEntry("kind", "IMPORTANT_POST")
					.containsEntry("link", "/announcements/" + id)
					.containsEntry("subject", "Audience test IMPORTANT")
					.containsEntry("critical", false);
				assertThat(row.get("read_at")).isNull();
			});
		}
		assertThat(outbox(id, this.straightAway)).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("kind", "IMPORTANT_POST").containsEntry("critical", false);
			// Held instead when a test asks the sender to send without a server.
			assertThat(row.get("status")).isIn("PENDING", "HELD");
		});
		// The digest lists the inbox entry; in the app means in the app only.
		assertThat(outbox(id, this.digest)).isEmpty();
		assertThat(outbox(id, this.inAppOnly)).isEmpty();
	}

	@Test
	void aPostAskingForAcknowledgementIsARequestToAcknowledgeWhateverItsPriority() {
		long info = publish(Priority.INFO, true);
		long important = publish(Priority.IMPORTANT, true);

		for (long id : List.of(info, important)) {
			assertThat(inbox(id, this.straightAway)).extracting((row) -> row.get("kind"))
				.containsExactly("ACK_REQUEST");
			assertThat(inbox(id, this.inAppOnly)).extracting((row) -> row.get("kind")).containsExactly("ACK_REQUEST");
			assertThat(outbox(id, this.straightAway)).extracting((row) -> row.get("kind"))
				.containsExactly("ACK_REQUEST");
		}
	}

	@Test
	void anInfoPostThatAsksForNothingTellsNobody() {
		long id = publish(Priority.INFO, false);

		assertThat(this.fixture.recipients(id)).hasSize(3);
		for (long person : List.of(this.straightAway, this.digest, this.inAppOnly)) {
			assertThat(inbox(id, person)).isEmpty();
			assertThat(outbox(id, person)).isEmpty();
		}
	}

	@Test
	void theSamePublicationAnnouncedAgainTellsNobodyTwice() {
		long id = publish(Priority.IMPORTANT, true);

		// A retried or duplicated event, as a second instance would raise it.
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(
				new AnnouncementPublished(id, this.channel, Priority.IMPORTANT, Instant.now(), 3, false, true, false)));

		for (long person : List.of(this.straightAway, this.digest, this.inAppOnly)) {
			assertThat(inbox(id, person)).hasSize(1);
		}
		assertThat(outbox(id, this.straightAway)).hasSize(1);
	}

	@Test
	void aScheduledPostTellsItsRecipientsWhenTheSchedulerPublishesIt() {
		long id = SignedIn.as(this.author, () -> {
			AnnouncementDraft draft = AudienceFixture.draft(this.channel, Priority.IMPORTANT, false);
			return this.fixture.track(this.announcements.createScheduled(new AnnouncementDraft(draft.channelId(),
					draft.title(), draft.summary(), draft.body(), draft.priority(), draft.ackRequired(), null, Set.of(),
					Set.of(), null, null, Instant.now().plus(Duration.ofDays(1)), 0)));
		});
		assertThat(inbox(id, this.straightAway)).isEmpty();
		// Its minute has come.
		this.sql.sql("update announcements set scheduled_at = :scheduledAt where id = :announcement")
			.param("scheduledAt", Timestamp.from(Instant.now().minusSeconds(5)))
			.param("announcement", id)
			.update();

		this.scheduler.publishDue();

		// The application's own poller may have got there first: either way, once.
		assertThat(this.sql.sql("select status from announcements where id = :announcement")
			.param("announcement", id)
			.query(String.class)
			.single()).isEqualTo("PUBLISHED");
		for (long person : List.of(this.straightAway, this.digest, this.inAppOnly)) {
			assertThat(inbox(id, person)).extracting((row) -> row.get("kind")).containsExactly("IMPORTANT_POST");
		}
		assertThat(outbox(id, this.straightAway)).hasSize(1);
	}

	@Test
	void aLateJoinerIsAskedToAcknowledgeOnceAndTheRestAreNotToldAgain() {
		long asking = publish(Priority.INFO, true);
		long important = publish(Priority.IMPORTANT, false);
		long newHire = this.fixture.person(this.department, null);

		this.transactions.executeWithoutResult((status) -> this.lateJoiners.deliver(List.of(newHire)));
		this.transactions.executeWithoutResult((status) -> this.lateJoiners.deliver(List.of(newHire)));

		assertThat(inbox(asking, newHire)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("kind", "ACK_REQUEST")
				.containsEntry("link", "/announcements/" + asking));
		assertThat(outbox(asking, newHire)).extracting((row) -> row.get("kind")).containsExactly("ACK_REQUEST");
		// Posts that ask for nothing are not delivered late, so not announced.
		assertThat(inbox(important, newHire)).isEmpty();
		assertThat(inbox(asking, this.straightAway)).hasSize(1);
		assertThat(outbox(asking, this.straightAway)).hasSize(1);
	}

	@Test
	void aLateJoinerToACriticalPostIsToldAtOnceWhateverTheirPreference() {
		long critical = publish(Priority.CRITICAL, true);
		long newHire = this.fixture.person(this.department, null);
		prefer(newHire, "IN_APP");

		this.transactions.executeWithoutResult((status) -> this.lateJoiners.deliver(List.of(newHire)));

		assertThat(inbox(critical, newHire)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("kind", "CRITICAL_POST").containsEntry("critical", true));
		assertThat(outbox(critical, newHire)).extracting((row) -> row.get("kind")).containsExactly("CRITICAL_POST");
	}

	@Test
	void theFanOutTakesAsManyStatementsForManyRecipientsAsForFew() {
		long big = this.fixture.department("Notified many");
		List<Long> many = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			many.add(this.fixture.person(big, null));
		}
		long bigChannel = this.fixture.channel("DEPARTMENT", big, null, false);
		long few = SignedIn.as(this.author, () -> this.fixture
			.track(this.announcements.create(AudienceFixture.draft(this.channel, Priority.IMPORTANT, true))));
		long lots = SignedIn.as(this.author, () -> this.fixture
			.track(this.announcements.create(AudienceFixture.draft(bigChannel, Priority.IMPORTANT, true))));

		int forFew = StatementCounter.count(StatementCounter.callingThread(),
				() -> SignedIn.as(this.author, () -> this.announcements.publish(few)));
		int forMany = StatementCounter.count(StatementCounter.callingThread(),
				() -> SignedIn.as(this.author, () -> this.announcements.publish(lots)));

		assertThat(forMany).isEqualTo(forFew);
		assertThat(this.sql.sql("""
				select count(*) from notifications where announcement_id = :announcement and kind = 'ACK_REQUEST'""")
			.param("announcement", lots)
			.query(Long.class)
			.single()).isEqualTo(40);
		assertThat(this.sql.sql("""
				select count(*) from outbox_messages where announcement_id = :announcement and kind = 'ACK_REQUEST'""")
			.param("announcement", lots)
			.query(Long.class)
			.single()).isEqualTo(40);
	}

	private long publish(Priority priority, boolean ackRequired) {
		return SignedIn.as(this.author, () -> {
			long id = this.fixture
				.track(this.announcements.create(AudienceFixture.draft(this.channel, priority, ackRequired)));
			this.announcements.publish(id);
			return id;
		});
	}

	private void prefer(long employeeId, String mode) {
		this.sql.sql("insert into notification_preferences (employee_id, mode) values (:employee, :mode)")
			.param("employee", employeeId)
			.param("mode", mode)
			.update();
	}

	private List<Map<String, Object>> inbox(long announcementId, long employeeId) {
		return this.sql
			.sql("select * from notifications where announcement_id = :announcement and employee_id = :employee")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> outbox(long announcementId, long employeeId) {
		return this.sql
			.sql("select * from outbox_messages where announcement_id = :announcement and employee_id = :employee")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query()
			.listOfRows();
	}

}
