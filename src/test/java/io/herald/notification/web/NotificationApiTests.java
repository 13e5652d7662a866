package io.herald.notification.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.Notifying;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's notifications over the API: only their own, newest first, a page at a time
 * by cursor without repeats or gaps; a cursor or size it cannot use is a problem on that
 * field; marking read is theirs alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationApiTests implements PostgresIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	TestHttp http;

	Announcing people;

	Notifying notifying;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		this.people = new Announcing(this.jdbc);
		this.notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
	}

	@Test
	void pagesThroughTheCallersOwnNotificationsNewestFirst() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		for (String subject : List.of("First", "Second", "Third", "Fourth", "Fifth")) {
			this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, subject, "/announcements/1");
		}
		this.notifying.notify(bob.employeeId(), NotificationKind.NUDGE, "Bob's own", "/feed");

		List<String> subjects = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			HttpResponse<String> response = get(ada,
					"/api/v1/notifications?size=2" + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode page = json(response);
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			page.get("items").forEach((item) -> subjects.add(item.get("subject").asString()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(subjects).containsExactly("Fifth", "Fourth", "Third", "Second", "First");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void eachItemSaysWhatItIsWhereItLeadsAndWhetherItWasRead() {
		Person ada = this.people.person("Ada");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Fire drill", "/announcements/42");

		JsonNode item = json(get(ada, "/api/v1/notifications")).get("items").get(0);

		assertThat(item.get("id").asLong()).isPositive();
		assertThat(item.get("kind").asString()).isEqualTo("REMINDER");
		assertThat(item.get("title").asString()).isEqualTo("Reminder: please acknowledge \u201CFire drill\u201D");
		assertThat(item.get("link").asString()).isEqualTo("/announcements/42");
		assertThat(Instant.parse(item.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(60));
		assertThat(item.get("read").asBoolean()).isFalse();
	}

	@Test
	void markingReadIsTheCallersAloneAndIdempotent() {
		Person ada = this.people.person("Ada");
		Person bob = this.people.person("Bob");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Ada's", "/feed");
		long id = this.notifying.notificationId(ada.employeeId(), "Ada's");

		HttpResponse<String> foreign = this.http.postEmptyWithBasic("/api/v1/notifications/" + id + "/read",
				bob.email(), Announcing.PASSWORD);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(json(get(ada, "/api/v1/notifications")).get("items").get(0).get("read").asBoolean()).isFalse();
		assertThat(json(get(bob, "/api/v1/notifications")).get("items").size()).isZero();

		for (int twice = 0; twice < 2; twice++) {
			assertThat(this.http
				.postEmptyWithBasic("/api/v1/notifications/" + id + "/read", ada.email(), Announcing.PASSWORD)
				.statusCode()).isEqualTo(204);
		}
		assertThat(json(get(ada, "/api/v1/notifications")).get("items").get(0).get("read").asBoolean()).isTrue();
		assertThat(this.http
			.postEmptyWithBasic("/api/v1/notifications/read-all", ada.email(), Announcing.PASSWORD, "Sec-Fetch-Site",
					"cross-site")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aCursorOrSizeTheInboxCannotUseIsAProblemOnThatField() {
		Person ada = this.people.person("Ada");

		HttpResponse<String> cursor = get(ada, "/api/v1/notifications?cursor=yesterday");
		assertThat(cursor.statusCode()).isEqualTo(400);
		assertThat(json(cursor).get("errors").get(0).get("field").asString()).isEqualTo("cursor");

		HttpResponse<String> size = get(ada, "/api/v1/notifications?size=1000");
		assertThat(size.statusCode()).isEqualTo(400);
		assertThat(json(size).get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	@Test
	void theCallsAreDescribedInTheOpenApiDocument() {
		Person ada = this.people.person("Ada");
		TestHttp signedIn = ada.signIn(this.port);

		HttpResponse<String> response = signedIn.get("/v3/api-docs", "Accept", "application/json");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode paths = json(response).get("paths");
		assertThat(paths.get("/api/v1/notifications").has("get")).isTrue();
		assertThat(paths.get("/api/v1/notifications/{id}/read").has("post")).isTrue();
		assertThat(paths.get("/api/v1/announcements/{id}/approve").has("post")).isTrue();
		assertThat(paths.get("/api/v1/announcements/{id}/request-changes").has("post")).isTrue();
		assertThat(paths.has("/notifications")).isFalse();
	}

	@Test
	void anonymousCallersAreNotLetIn() {
		assertThat(this.http.get("/api/v1/notifications", "Accept", "application/json").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(Person person, String path) {
		return this.http.getWithBasic(path, person.email(), Announcing.PASSWORD);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
