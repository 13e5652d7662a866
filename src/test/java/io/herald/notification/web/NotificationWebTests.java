package io.herald.notification.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.Notifying;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox, notification preferences and the outbox page over HTTP: each person sees and
 * marks only their own notifications, someone else's is answered as not found, the
 * navigation counts what is unread; preferences change only the caller's own; the outbox
 * is for administrators alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationWebTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	Announcing people;

	Notifying notifying;

	@BeforeEach
	void setUp() {
		this.people = new Announcing(this.jdbc);
		this.notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
	}

	@Test
	void theInboxShowsOnlyTheCallersNotificationsNewestFirstWithUnreadMarked() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Older post", "/feed");
		this.notifying.send(ada.employeeId(), NotificationKind.CRITICAL_POST, "Newer post", null, "/feed", true);
		this.notifying.notify(bob.employeeId(), NotificationKind.NUDGE, "Bob's post", "/feed");
		long older = this.notifying.notificationId(ada.employeeId(), "Older post");
		long newer = this.notifying.notificationId(ada.employeeId(), "Newer post");
		this.jdbc.update("update notifications set created_at = created_at - interval '1' minute where id = ?", older);

		Document inbox = page(ada.signIn(this.port), "/notifications");

		assertThat(inbox.select("[data-notification]").eachAttr("data-notification"))
			.containsExactly(String.valueOf(newer), String.valueOf(older));
		assertThat(inbox.select("[data-notification]").eachAttr("data-read")).containsExactly("false", "false");
		assertThat(inbox.select("[data-notification-link]").eachText()).containsExactly(
				"Critical announcement: Newer post", "Reminder: please acknowledge \u201COlder post\u201D");
		assertThat(inbox.select("[data-notification-link]").eachAttr("href"))
			.containsExactly("/notifications/" + newer + "/open", "/notifications/" + older + "/open");
		assertThat(inbox.text()).doesNotContain("Bob's post");
		assertThat(inbox.select("a[data-nav=notifications] [data-unread-notifications] .visually-hidden").text())
			.isEqualTo("2 unread notifications");
		assertThat(inbox.select("a[data-nav=notifications]").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void followingANotificationMarksItReadLeadsToItsLinkAndTheCountDrops() {
		Person ada = this.people.person("Ada");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Follow me", "/channels");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Stay unread", "/channels");
		long id = this.notifying.notificationId(ada.employeeId(), "Follow me");
		TestHttp http = ada.signIn(this.port);

		HttpResponse<String> followed = http.page("/notifications/" + id + "/open");

		assertThat(followed.statusCode()).isEqualTo(302);
		assertThat(followed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/channels"));
		assertThat(readAt(id)).isNotNull();
		Document after = page(http, "/channels");
		assertThat(after.select("a[data-nav=notifications] [data-unread-notifications] [aria-hidden]").text())
			.isEqualTo("1");
		Document inbox = page(http, "/notifications");
		assertThat(inbox.select("[data-notification=" + id + "]").attr("data-read")).isEqualTo("true");
		// Following it again is fine and changes nothing.
		assertThat(http.page("/notifications/" + id + "/open").statusCode()).isEqualTo(302);
	}

	@Test
	void someoneElsesNotificationIsNotFoundAndStaysUnread() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		this.notifying.notify(bob.employeeId(), NotificationKind.NUDGE, "Bob's own", "/feed");
		long bobs = this.notifying.notificationId(bob.employeeId(), "Bob's own");
		TestHttp http = ada.signIn(this.port);
		String csrf = TestHttp.csrfToken(http.page("/notifications").body());

		assertThat(http.page("/notifications/" + bobs + "/open").statusCode()).isEqualTo(404);
		assertThat(http.postForm("/notifications/" + bobs + "/read", Map.of("_csrf", csrf)).statusCode())
			.isEqualTo(404);
		assertThat(http.page("/notifications/" + (bobs + 1_000_000) + "/open").statusCode()).isEqualTo(404);
		assertThat(readAt(bobs)).isNull();
	}

	@Test
	void markReadAndMarkAllReadTouchOnlyTheCallersNotifications() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		for (String subject : List.of("One", "Two", "Three")) {
			this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, subject, "/feed");
		}
		this.notifying.notify(bob.employeeId(), NotificationKind.REMINDER, "Bob's", "/feed");
		long one = this.notifying.notificationId(ada.employeeId(), "One");
		TestHttp http = ada.signIn(this.port);
		Document inbox = page(http, "/notifications");

		HttpResponse<String> marked = http.postForm("/notifications/" + one + "/read",
				Map.of("_csrf", TestHttp.csrfToken(inbox.html())));

		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(readAt(one)).isNotNull();
		assertThat(unread(ada)).isEqualTo(2);
		Document after = page(http, "/notifications");
		assertThat(after.select("[role=status]").text()).isEqualTo("Notification marked read.");
		assertThat(after.select("[data-notification=" + one + "] form")).isEmpty();

		http.postForm("/notifications/read-all", Map.of("_csrf", TestHttp.csrfToken(after.html())));

		assertThat(unread(ada)).isZero();
		assertThat(unread(bob)).isEqualTo(1);
		Document done = page(http, "/notifications");
		assertThat(done.select("[data-unread-notifications]")).isEmpty();
		assertThat(done.select("[data-mark-all-read]")).isEmpty();
	}

	@Test
	void olderNotificationsArePagedByCursor() {
		Person ada = this.people.person("Ada");
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < NotificationController.PAGE_SIZE + 5; i++) {
			subjects.add("Paged " + i);
			this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Paged " + i, "/feed");
		}
		TestHttp http = ada.signIn(this.port);

		Document first = page(http, "/notifications");
		String older = first.select("a[data-inbox-older]").attr("href");
		Document second = page(http, older);

		assertThat(first.select("[data-notification]")).hasSize(NotificationController.PAGE_SIZE);
		assertThat(second.select("[data-notification]")).hasSize(5);
		assertThat(second.select("a[data-inbox-older]")).isEmpty();
		assertThat(second.select("a[data-inbox-newest]")).isNotEmpty();
		List<String> seen = new ArrayList<>(first.select("[data-notification-link]").eachText());
		seen.addAll(second.select("[data-notification-link]").eachText());
		assertThat(seen).hasSize(subjects.size()).doesNotHaveDuplicates();
		assertThat(page(http, "/notifications?cursor=not-a-cursor").select("[data-notification]"))
			.hasSize(NotificationController.PAGE_SIZE);
	}

	@Test
	void aLinkThatLeavesHeraldLeadsBackToTheInbox() {
		Person ada = this.people.person("Ada");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Elsewhere", "//evil.example/phish");
		long id = this.notifying.notificationId(ada.employeeId(), "Elsewhere");

		HttpResponse<String> followed = ada.signIn(this.port).page("/notifications/" + id + "/open");

		assertThat(followed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/notifications").doesNotContain("evil"));
	}

	@Test
	void preferencesAreSavedForTheSignedInPersonOnlyAndCriticalNoticesIgnoreThem() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		TestHttp http = ada.signIn(this.port);
		Document me = page(http, "/me");
		assertThat(me.select("[data-notification-preferences] input[name=mode]").eachAttr("value"))
			.containsExactly("IN_APP", "EMAIL_IMMEDIATE", "EMAIL_DIGEST");
		assertThat(me.select("input[name=mode][checked]").attr("value")).isEqualTo("EMAIL_IMMEDIATE");
		assertThat(me.select("[data-critical-note]").text()).contains("Critical announcements ignore this choice",
				"quiet hours");

		HttpResponse<String> saved = http.postForm("/me/notifications",
				Map.of("_csrf", TestHttp.csrfToken(me.html()), "mode", "IN_APP"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(mode(ada)).isEqualTo("IN_APP");
		assertThat(mode(bob)).isNull();
		Document after = page(http, "/me");
		assertThat(after.select("[role=status]").text()).isEqualTo("Your notification settings have been saved.");
		assertThat(after.select("input[name=mode][checked]").attr("value")).isEqualTo("IN_APP");

		String quiet = this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "In the app only", "/feed");
		String loud = this.notifying.send(ada.employeeId(), NotificationKind.CRITICAL_POST, "Everyone, now", null,
				"/feed", true);
		assertThat(this.notifying.outbox(quiet)).isEmpty();
		assertThat(this.notifying.outbox(loud)).containsEntry("status", "PENDING");
		assertThat(unread(ada)).isEqualTo(2);

		http.postForm("/me/notifications", Map.of("_csrf", TestHttp.csrfToken(after.html()), "mode", "EMAIL_DIGEST"));
		assertThat(mode(ada)).isEqualTo("EMAIL_DIGEST");
		assertThat(
				this.jdbc.queryForObject("select digest_covered_to from notification_preferences where employee_id = ?",
						Object.class, ada.employeeId()))
			.isNotNull();
	}

	@Test
	void anUnknownModeIsAFieldErrorAndChangesNothing() {
		Person ada = this.people.person("Ada");
		TestHttp http = ada.signIn(this.port);
		String csrf = TestHttp.csrfToken(http.page("/me").body());

		HttpResponse<String> refused = http.postForm("/me/notifications",
				Map.of("_csrf", csrf, "mode", "CARRIER_PIGEON"));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("#mode-errors").text())
			.isEqualTo("Choose how Herald should tell you.");
		assertThat(mode(ada)).isNull();
	}

	@Test
	void theOutboxIsForAdministratorsOnly() {
		Person employee = this.people.person("Employee");
		Person hr = this.people.person("Hr", "HR");
		Person admin = this.people.person("Admin", "ADMIN");
		for (Person outsider : List.of(employee, hr)) {
			TestHttp http = outsider.signIn(this.port);
			String csrf = TestHttp.csrfToken(http.page("/notifications").body());
			assertThat(http.page("/admin/outbox").statusCode()).isEqualTo(403);
			assertThat(http.postForm("/admin/outbox/1/retry", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
			assertThat(http.postForm("/admin/outbox/retry-failed", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
			assertThat(page(http, "/notifications").select("a[data-nav=outbox]")).isEmpty();
		}
		TestHttp http = admin.signIn(this.port);
		Document outbox = page(http, "/admin/outbox");
		assertThat(outbox.select("h1").text()).isEqualTo("E-mail outbox");
		assertThat(outbox.select("[data-count]").eachAttr("data-count")).containsExactly("PENDING", "SENT", "FAILED",
				"HELD", "CANCELLED");
		assertThat(outbox.select("a[data-nav=outbox]")).isNotEmpty();
	}

	private Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private Object readAt(long id) {
		return this.jdbc.queryForObject("select read_at from notifications where id = ?", Object.class, id);
	}

	private long unread(Person person) {
		return this.jdbc.queryForObject("select count(*) from notifications where employee_id = ? and read_at is null",
				Long.class, person.employeeId());
	}

	private String mode(Person person) {
		List<String> modes = this.jdbc.queryForList("select mode from notification_preferences where employee_id = ?",
				String.class, person.employeeId());
		return modes.isEmpty() ? null : modes.get(0);
	}

}
