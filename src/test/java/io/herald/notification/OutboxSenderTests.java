package io.herald.notification;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.Announcements;
import io.herald.announcement.Priority;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Notifying;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import io.herald.support.SmtpServer;
import io.herald.support.TestChannels;
import io.herald.support.TestHttp;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox sender against a real SMTP server (GreenMail on a free port): notices become
 * e-mails with both parts and a link back; an outage loses nothing and each message
 * arrives once when the server returns; messages that keep failing are FAILED, shown to
 * administrators and sent again on request; racing senders send each message once. The
 * tests drive the sender themselves (the schedule is off in tests) and look only at their
 * own people's messages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "herald.mail.max-attempts=3", "herald.mail.batch-size=5",
				"herald.base-url=https://herald.example.test/", "herald.mail.from=Herald <herald@example.test>" })
class OutboxSenderTests implements PostgresIntegrationTest {

	static final int SMTP_PORT = SmtpServer.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = SmtpServer.on(SMTP_PORT).withPerMethodLifecycle(true);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		SmtpServer.pointHeraldAt(SMTP_PORT, registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxSender sender;

	@Autowired
	DailyDigest digest;

	@Autowired
	Announcements announcements;

	Announcing people;

	Notifying notifying;

	@BeforeEach
	void drainWhatOthersLeft() throws Exception {
		this.people = new Announcing(this.jdbc);
		this.notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
		// Other tests' due messages go first, so that only ours are due below.
		this.sender.sendDue();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void aNoticeBecomesAnEmailWithSubjectRecipientHtmlAndTextAndALinkBack() throws Exception {
		Person ada = this.people.person("Ada");
		String key = this.notifying.send(ada.employeeId(), NotificationKind.REMINDER, "Fire drill on Friday",
				"Acknowledge by Friday 17:00.", "/announcements/42", false);
		assertThat(this.notifying.status(key)).isEqualTo("PENDING");

		assertThat(this.sender.sendDue()).isGreaterThanOrEqualTo(1);

		MimeMessage mail = only(ada);
		assertThat(mail.getSubject()).isEqualTo("Reminder: please acknowledge \u201CFire drill on Friday\u201D");
		assertThat(((InternetAddress) mail.getRecipients(RecipientType.TO)[0]).getAddress()).isEqualTo(ada.email());
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("herald@example.test");
		assertThat(mail.getMessageID()).isEqualTo(MailComposer.messageId(key, "herald.example.test"));
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		Map<String, String> parts = SmtpServer.parts(mail);
		assertThat(parts).containsOnlyKeys("text/plain", "text/html");
		assertThat(parts.get("text/plain")).contains("Hello Ada Reader", "Fire drill on Friday",
				"Acknowledge by Friday 17:00.", "https://herald.example.test/announcements/42");
		Document html = Jsoup.parse(parts.get("text/html"));
		assertThat(html.select("h1").text()).isEqualTo("Reminder: please acknowledge \u201CFire drill on Friday\u201D");
		assertThat(html.select("a[data-mail-link]").attr("href"))
			.isEqualTo("https://herald.example.test/announcements/42");
		assertThat(html.select("a[href=https://herald.example.test/me]")).isNotEmpty();

		Map<String, Object> row = this.notifying.outbox(key);
		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(row.get("attempts")).isEqualTo(0);
	}

	@Test
	void aPersonWhoseLanguageHeraldDoesNotSpeakYetGetsEnglish() throws Exception {
		Person piotr = this.people.person("Piotr");
		this.jdbc.update("update employees set language = 'pl' where id = ?", piotr.employeeId());
		this.notifying.send(piotr.employeeId(), NotificationKind.CRITICAL_POST, "Evacuate building B", null,
				"/announcements/7", true);

		this.sender.sendDue();

		MimeMessage mail = only(piotr);
		assertThat(mail.getSubject()).isEqualTo("CRITICAL: Evacuate building B");
		Document html = Jsoup.parse(SmtpServer.parts(mail).get("text/html"));
		assertThat(html.select("html").attr("lang")).isEqualTo("pl");
		assertThat(html.text()).contains("Critical announcement", "Hello Piotr Reader");
	}

	@Test
	void anSmtpOutageLosesNothingAndEachMessageArrivesOnceWhenTheServerReturns() throws Exception {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		List<String> keys = List.of(
				this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Outage one", "/feed"),
				this.notifying.notify(ada.employeeId(), NotificationKind.NUDGE, "Outage two", "/feed"),
				this.notifying.notify(bob.employeeId(), NotificationKind.ESCALATION, "Outage three", "/feed"));
		smtp.stop();

		Instant before = Instant.now();
		assertThat(this.sender.sendDue()).isZero();

		for (String key : keys) {
			Map<String, Object> row = this.notifying.outbox(key);
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat((String) row.get("last_error")).isNotBlank().doesNotContain("\n", "\tat ");
			// The first retry waits 30 seconds.
			assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isBetween(before.plusSeconds(29),
					Instant.now().plusSeconds(31));
		}
		// Not due yet: a poll now does not touch them.
		this.sender.sendDue();
		assertThat(keys).allSatisfy((key) -> assertThat(this.notifying.outbox(key).get("attempts")).isEqualTo(1));

		smtp.start();
		this.notifying.makeDue(keys);
		this.sender.sendDue();
		this.sender.sendDue();

		assertThat(keys).allSatisfy((key) -> assertThat(this.notifying.status(key)).isEqualTo("SENT"));
		assertThat(subjects(received(ada))).containsExactlyInAnyOrder(
				"Reminder: please acknowledge \u201COutage one\u201D", "Please acknowledge \u201COutage two\u201D");
		assertThat(subjects(received(bob))).containsExactly("Not acknowledged by everyone yet: Outage three");
	}

	@Test
	void aMessageThatKeepsFailingIsFailedShownToAdministratorsAndSentAgainOnRequest() throws Exception {
		Person ada = this.people.person("Ada");
		Person admin = this.people.person("Admin", "ADMIN");
		String key = this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Keeps failing", "/feed");
		smtp.stop();
		for (int attempt = 1; attempt <= 3; attempt++) {
			this.notifying.makeDue(List.of(key));
			this.sender.sendDue();
			assertThat(this.notifying.outbox(key).get("attempts")).isEqualTo(attempt);
		}
		Map<String, Object> failed = this.notifying.outbox(key);
		assertThat(failed.get("status")).isEqualTo("FAILED");
		long id = ((Number) failed.get("id")).longValue();

		TestHttp http = admin.signIn(this.port);
		Document page = Jsoup.parse(http.page("/admin/outbox?status=FAILED&q=" + ada.email()).body());
		Element row = page.selectFirst("[data-outbox-list] [data-outbox-message=" + id + "][data-status=FAILED]");
		assertThat(row).isNotNull();
		assertThat(row.text()).contains(ada.email(), "Reminder", "Keeps failing", "3",
				(String) failed.get("last_error"));
		assertThat(page.select("[data-no-smtp]")).isEmpty();
		assertThat(Integer.parseInt(page.select("[data-count=FAILED]").text())).isPositive();

		HttpResponse<String> retried = http.postForm("/admin/outbox/" + id + "/retry",
				Map.of("_csrf", TestHttp.csrfToken(page.html())));
		assertThat(retried.statusCode()).isEqualTo(302);
		Map<String, Object> pending = this.notifying.outbox(key);
		assertThat(pending.get("status")).isEqualTo("PENDING");
		assertThat(pending.get("attempts")).isEqualTo(0);
		assertThat(pending.get("last_error")).isNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = "
						+ "'notification.outbox.retried' and target_id = ? and actor_email = ?",
				Long.class, id, admin.email()))
			.isOne();

		smtp.start();
		this.sender.sendDue();
		this.sender.sendDue();

		assertThat(this.notifying.status(key)).isEqualTo("SENT");
		assertThat(subjects(received(ada))).containsExactly("Reminder: please acknowledge \u201CKeeps failing\u201D");
	}

	@Test
	void retryAllFailedSendsEveryFailedMessageAgain() throws Exception {
		Person ada = this.people.person("Ada");
		Person admin = this.people.person("Admin", "ADMIN");
		List<String> keys = List.of(
				this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "First", "/feed"),
				this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Second", "/feed"));
		for (String key : keys) {
			this.jdbc.update("update outbox_messages set status = 'FAILED', attempts = 3, last_error = 'down' "
					+ "where idempotency_key = ?", key);
		}
		TestHttp http = admin.signIn(this.port);
		String page = http.page("/admin/outbox").body();

		assertThat(http.postForm("/admin/outbox/retry-failed", Map.of("_csrf", TestHttp.csrfToken(page))).statusCode())
			.isEqualTo(302);
		this.sender.sendDue();

		assertThat(keys).allSatisfy((key) -> assertThat(this.notifying.status(key)).isEqualTo("SENT"));
		assertThat(received(ada)).hasSize(2);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entries where action = "
				+ "'notification.outbox.retried-all-failed' and actor_email = ?", Long.class, admin.email()))
			.isOne();
	}

	@Test
	void twoSendersRacingSendEachMessageOnce() throws Exception {
		List<Person> recipients = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Person person = this.people.person("Racer");
			recipients.add(person);
			for (int j = 0; j < 5; j++) {
				keys.add(this.notifying.notify(person.employeeId(), NotificationKind.REMINDER, "Race " + j, "/feed"));
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> poll = () -> {
				start.await();
				int sent = 0;
				for (int round = 0; round < 5; round++) {
					sent += this.sender.sendDue();
				}
				return sent;
			};
			Future<Integer> first = pool.submit(poll);
			Future<Integer> second = pool.submit(poll);
			start.countDown();
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(keys).allSatisfy((key) -> assertThat(this.notifying.status(key)).isEqualTo("SENT"));
		Set<String> ours = recipients.stream().map(Person::email).collect(Collectors.toSet());
		List<String> messageIds = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (ours.contains(((InternetAddress) mail.getRecipients(RecipientType.TO)[0]).getAddress())) {
				messageIds.add(mail.getMessageID());
			}
		}
		assertThat(messageIds).hasSize(keys.size())
			.containsExactlyInAnyOrderElementsOf(
					keys.stream().map((key) -> MailComposer.messageId(key, "herald.example.test")).toList());
	}

	@Test
	void messagesToPeopleWhoLeftFailAtOnceWithTheReason() throws Exception {
		Person leaver = this.people.person("Leaver");
		String key = this.notifying.notify(leaver.employeeId(), NotificationKind.REMINDER, "Too late", "/feed");
		this.jdbc.update("update employees set active = false where id = ?", leaver.employeeId());

		this.sender.sendDue();

		Map<String, Object> row = this.notifying.outbox(key);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("last_error")).isEqualTo("Recipient is no longer active");
		assertThat(received(leaver)).isEmpty();
	}

	@Test
	void aDailyDigestListsTheUnreadNotificationsInOneEmail() throws Exception {
		Person dana = this.people.person("Dana");
		this.jdbc.update("update employees set time_zone = 'Asia/Taipei' where id = ?", dana.employeeId());
		this.jdbc.update("insert into notification_preferences (employee_id, mode) values (?, 'EMAIL_DIGEST')",
				dana.employeeId());
		this.notifying.notify(dana.employeeId(), NotificationKind.REMINDER, "Digest one", "/announcements/1");
		this.notifying.notify(dana.employeeId(), NotificationKind.NUDGE, "Digest two", "/announcements/2");
		this.notifying.notify(dana.employeeId(), NotificationKind.REMINDER, "Already read", "/announcements/3");
		this.jdbc.update("update notifications set read_at = ? where employee_id = ? and subject = 'Already read'",
				Timestamp.from(Instant.now()), dana.employeeId());
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_messages where employee_id = ?", Long.class,
				dana.employeeId()))
			.isZero();
		Instant nineInTaipei = nextNineAm(ZoneId.of("Asia/Taipei"));

		this.digest.queueDue(nineInTaipei);
		this.jdbc.update("update outbox_messages set next_attempt_at = ? where employee_id = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), dana.employeeId());
		this.sender.sendDue();

		MimeMessage mail = only(dana);
		assertThat(mail.getSubject()).isEqualTo("Herald: 2 new notifications");
		Document html = Jsoup.parse(SmtpServer.parts(mail).get("text/html"));
		assertThat(html.select("li a").eachText()).containsExactly(
				"You are asked to acknowledge \u201CDigest two\u201D",
				"Reminder: please acknowledge \u201CDigest one\u201D");
		assertThat(html.select("li a").eachAttr("href")).containsExactly("https://herald.example.test/announcements/2",
				"https://herald.example.test/announcements/1");
		assertThat(html.select("a[data-mail-link]").attr("href"))
			.isEqualTo("https://herald.example.test/notifications");
		assertThat(SmtpServer.parts(mail).get("text/plain")).contains("Digest one", "Digest two")
			.doesNotContain("Already read");
		LocalDateKey key = new LocalDateKey(dana.employeeId(), nineInTaipei.atZone(ZoneId.of("Asia/Taipei")));
		assertThat(mail.getMessageID()).isEqualTo(MailComposer.messageId(key.value(), "herald.example.test"));
	}

	private record LocalDateKey(long employeeId, ZonedDateTime local) {

		String value() {
			return "digest:" + this.employeeId + ":" + this.local.toLocalDate();
		}

	}

	static Instant nextNineAm(ZoneId zone) {
		ZonedDateTime now = ZonedDateTime.now(zone);
		ZonedDateTime nine = now.toLocalDate().atTime(9, 0).atZone(zone);
		return (nine.isAfter(now) ? nine : nine.plusDays(1)).toInstant();
	}

	@Test
	void anImportantPostIsEmailedOnceToWhoeverWantsItStraightAwayWithALinkToThePost() throws Exception {
		Person ada = this.people.person("Ada");
		Person dora = this.people.person("Dora");
		this.jdbc.update("insert into notification_preferences (employee_id, mode) values (?, 'EMAIL_DIGEST')",
				dora.employeeId());
		Person author = this.people.person("Author", "COMMS_MANAGER");
		Channel channel = this.people.topic("Site safety");
		subscribe(channel, ada, dora);

		long id = SignedIn.as(SignedIn.person(author.employeeId(), "ROLE_EMPLOYEE", "ROLE_COMMS_MANAGER"), () -> {
			long draft = this.announcements.create(new AnnouncementDraft(channel.id(), "Ladder checks on Monday",
					"Every ladder is checked.", "Bring your ladders to the yard.", Priority.IMPORTANT, false, null,
					Set.of(), Set.of(), null, null, null, 0));
			this.announcements.publish(draft);
			return draft;
		});
		this.sender.sendDue();
		this.sender.sendDue();

		MimeMessage mail = only(ada);
		assertThat(mail.getSubject()).isEqualTo("Important: Ladder checks on Monday");
		Document html = Jsoup.parse(SmtpServer.parts(mail).get("text/html"));
		assertThat(html.select("h1").text()).isEqualTo("Important announcement: Ladder checks on Monday");
		assertThat(html.text()).contains("Every ladder is checked.");
		assertThat(html.select("a[data-mail-link]").attr("href"))
			.isEqualTo("https://herald.example.test/announcements/" + id);
		// Dora reads it in her digest, not now.
		assertThat(received(dora)).isEmpty();
	}

	@Test
	void changesRequestedReachTheAuthorByEmailWithTheCommentAndALinkToTheDesk() throws Exception {
		Person author = this.people.person("Author");
		Person owner = this.people.person("Owner");
		Channel channel = this.people.topic("Reviewed news");
		TestChannels channels = TestChannels.of(this.context);
		channels.requireReview(channel.id());
		channels.members(channel.id(), List.of(owner.employeeId()), List.of(author.employeeId()));
		subscribe(channel, owner);
		long id = SignedIn.as(SignedIn.employee(author.employeeId()), () -> {
			long draft = this.announcements.create(new AnnouncementDraft(channel.id(), "Team lunch", null,
					"Lunch on Friday.", Priority.INFO, false, null, Set.of(), Set.of(), null, null, null, 0));
			this.announcements.submit(draft);
			return draft;
		});
		SignedIn.as(SignedIn.employee(owner.employeeId()),
				() -> this.announcements.requestChanges(id, "Which Friday? Say the date."));

		this.sender.sendDue();
		this.sender.sendDue();

		assertThat(subjects(received(owner))).containsExactly("Waiting for your review: Team lunch");
		MimeMessage mail = only(author);
		assertThat(mail.getSubject()).isEqualTo("Changes requested: Team lunch");
		assertThat(SmtpServer.parts(mail).get("text/plain")).contains("Which Friday? Say the date.",
				"https://herald.example.test/manage/announcements/" + id);
	}

	// Straight into the table: subscribing through Channels would have LateJoiners hand
	// these people every company-wide post they never had, and mail them about those too.
	private void subscribe(Channel channel, Person... people) {
		for (Person person : people) {
			this.jdbc.update(
					"insert into channel_subscriptions (channel_id, employee_id, subscribed_at) values (?, ?, now())",
					channel.id(), person.employeeId());
		}
	}

	private MimeMessage only(Person person) throws Exception {
		List<MimeMessage> mails = received(person);
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private static List<MimeMessage> received(Person person) throws MessagingException {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (((InternetAddress) mail.getRecipients(RecipientType.TO)[0]).getAddress().equals(person.email())) {
				mine.add(mail);
			}
		}
		return mine;
	}

	private static List<String> subjects(List<MimeMessage> mails) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : mails) {
			subjects.add(mail.getSubject());
		}
		return subjects;
	}

}
