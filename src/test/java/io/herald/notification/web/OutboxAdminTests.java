package io.herald.notification.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
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
import io.herald.support.XssPayloads;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * The outbox page, one e-mail and the outbox API over HTTP against PostgreSQL: filters by
 * status, kind and recipient with totals per status, a hundred a page, newest first; an
 * e-mail opened shows what was sent with its HTML made safe; the API pages with a cursor
 * and names a bad filter's field; all of it is for administrators alone. Each test works
 * on e-mails to people of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OutboxAdminTests implements PostgresIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	Person admin;

	@BeforeEach
	void setUp() {
		this.people = new Announcing(this.jdbc);
		this.notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
		this.admin = this.people.person("Admin", "ADMIN");
	}

	@Test
	void filtersByStatusKindAndRecipientWithTotalsPerStatus() {
		Person ada = this.people.person("Ada");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "First reminder", "/feed");
		this.notifying.notify(ada.employeeId(), NotificationKind.REMINDER, "Second reminder", "/feed");
		String failed = this.notifying.send(ada.employeeId(), NotificationKind.CRITICAL_POST, "Fire drill", null,
				"/feed", true);
		String held = this.notifying.notify(ada.employeeId(), NotificationKind.NUDGE, "Please read", "/feed");
		status(failed, "FAILED", "SMTP said no");
		status(held, "HELD", null);
		TestHttp http = this.admin.signIn(this.port);

		Document all = page(http, "/admin/outbox?q=" + encode(ada.email()));
		assertThat(all.select("[data-count=PENDING]").text()).isEqualTo("2");
		assertThat(all.select("[data-count=FAILED]").text()).isEqualTo("1");
		assertThat(all.select("[data-count=HELD]").text()).isEqualTo("1");
		assertThat(all.select("[data-count=SENT]").text()).isEqualTo("0");
		assertThat(all.select("[data-outbox-shown]").text()).isEqualTo("E-mails 1–4 of 4, newest first");
		assertThat(all.select("[data-outbox-message] [data-outbox-open]").eachText()).containsExactly("Please read",
				"Fire drill", "Second reminder", "First reminder");

		Document onlyFailed = page(http, "/admin/outbox?status=FAILED&q=" + encode(ada.email()));
		assertThat(onlyFailed.select("[data-outbox-message]").eachAttr("data-status")).containsExactly("FAILED");
		assertThat(onlyFailed.select("[data-outbox-error]").text()).isEqualTo("SMTP said no");
		assertThat(onlyFailed.select("[data-outbox-shown]").text()).isEqualTo("E-mails 1–1 of 1, newest first");
		// The totals per status stay those of the kind and recipient, to move between
		// them.
		assertThat(onlyFailed.select("[data-count=PENDING]").text()).isEqualTo("2");

		Document reminders = page(http, "/admin/outbox?kind=REMINDER&q=" + encode(ada.email()));
		assertThat(reminders.select("[data-outbox-open]").eachText()).containsExactly("Second reminder",
				"First reminder");
		assertThat(reminders.select("[data-count=FAILED]").text()).isEqualTo("0");

		Document byName = page(http, "/admin/outbox?status=HELD&q=" + encode(ada.email().toUpperCase()));
		assertThat(byName.select("[data-outbox-open]").eachText()).containsExactly("Please read");
		assertThat(byName.select("[data-outbox-message] form button").text()).startsWith("Send again");
	}

	@Test
	void pagesAHundredAtATimeNewestFirst() {
		Person bea = this.people.person("Bea");
		messages(bea, 105);
		TestHttp http = this.admin.signIn(this.port);

		Document first = page(http, "/admin/outbox?q=" + encode(bea.email()));
		assertThat(first.select("[data-outbox-message]")).hasSize(100);
		assertThat(first.select("[data-outbox-shown]").text()).isEqualTo("E-mails 1–100 of 105, newest first");
		List<Long> ids = ids(first);
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		Element next = first.selectFirst("nav .page-item:last-child a");
		assertThat(next.attr("href")).contains("page=1").contains("q=");

		Document second = page(http, next.attr("href"));
		assertThat(second.select("[data-outbox-message]")).hasSize(5);
		assertThat(second.select("[data-outbox-shown]").text()).isEqualTo("E-mails 101–105 of 105, newest first");
		assertThat(ids(second)).allMatch((id) -> id < ids.get(ids.size() - 1));
	}

	@Test
	void aBadFilterIsNamedAndTheRestStillApplies() {
		Person cy = this.people.person("Cy");
		this.notifying.notify(cy.employeeId(), NotificationKind.REMINDER, "Only one", "/feed");
		TestHttp http = this.admin.signIn(this.port);

		HttpResponse<String> response = http.page("/admin/outbox?status=LOST&kind=PIGEON&q=" + encode(cy.email()));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("[data-filter-problems] li").eachText()).containsExactly(
				"That is not an outbox status; choose one from the list.",
				"That is not a kind of e-mail; choose one from the list.");
		assertThat(page.select("#status.is-invalid")).hasSize(1);
		assertThat(page.select("[data-outbox-open]").eachText()).containsExactly("Only one");
	}

	@Test
	void anOpenedEmailShowsWhatWasSentWithItsHtmlMadeSafe() {
		Person dee = this.people.person("Dee");
		List<String> payloads = XssPayloads.load();
		String subject = payloads.get(0);
		String key = this.notifying.send(dee.employeeId(), NotificationKind.CRITICAL_POST, subject,
				String.join("\n", payloads), "/feed", true);
		long id = ((Number) this.notifying.outbox(key).get("id")).longValue();
		TestHttp http = this.admin.signIn(this.port);

		HttpResponse<String> response = http.page("/admin/outbox/" + id);

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("[data-mail-to]").text()).contains(dee.email());
		assertThat(page.select("[data-mail-subject]").text()).contains(subject);
		Element html = page.selectFirst("[data-mail-html]");
		assertThat(html.text()).contains("Hello Dee");
		assertThat(XssPayloads.dangersIn(html)).isEmpty();
		assertThat(html.select("[style]")).isEmpty();
		assertThat(page.select("h1")).hasSize(1);
		assertThat(html.select("h3")).isNotEmpty();
		assertThat(page.select("[data-mail-text]").text()).contains(subject, "Hello Dee");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'");

		assertThat(http.page("/admin/outbox/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
	}

	@Test
	void theApiPagesWithACursorAndCountsTheTotal() {
		Person eve = this.people.person("Eve");
		messages(eve, 105);
		String path = "/api/v1/admin/outbox?kind=REMINDER&q=" + encode(eve.email());
		TestHttp http = new TestHttp(this.port);

		HttpResponse<String> response = http.getWithBasic(path, this.admin.email(), Announcing.PASSWORD);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode first = JSON.readTree(response.body());
		assertThat(first.get("total").asLong()).isEqualTo(105);
		assertThat(first.get("items")).hasSize(100);
		JsonNode item = first.get("items").get(0);
		assertThat(item.get("to").asString()).isEqualTo(eve.email());
		assertThat(item.get("kind").asString()).isEqualTo("REMINDER");
		assertThat(item.get("status").asString()).isEqualTo("PENDING");
		assertThat(item.get("subject").asString()).startsWith("Reminder ");
		assertThat(item.has("attempts")).isTrue();
		assertThat(item.has("lastError")).isTrue();
		assertThat(Instant.parse(item.get("createdAt").asString())).isNotNull();
		String next = first.get("next").asString();

		JsonNode second = JSON
			.readTree(http.getWithBasic(path + "&cursor=" + next, this.admin.email(), Announcing.PASSWORD).body());
		assertThat(second.get("items")).hasSize(5);
		assertThat(second.get("next").isNull()).isTrue();
		List<Long> seen = new ArrayList<>();
		first.get("items").forEach((node) -> seen.add(node.get("id").asLong()));
		second.get("items").forEach((node) -> assertThat(seen).doesNotContain(node.get("id").asLong()));
	}

	@Test
	void theApiNamesTheFieldOfABadFilter() {
		TestHttp http = new TestHttp(this.port);
		for (Map.Entry<String, String> bad : Map
			.of("status", "status=LOST", "kind", "kind=PIGEON", "cursor", "cursor=abc")
			.entrySet()) {
			HttpResponse<String> response = http.getWithBasic("/api/v1/admin/outbox?" + bad.getValue(),
					this.admin.email(), Announcing.PASSWORD);
			assertThat(response.statusCode()).as(bad.getValue()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(bad.getKey());
			assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		}
	}

	@Test
	void theOutboxAndItsApiAreForAdministratorsOnly() {
		Person employee = this.people.person("Employee");
		Person hr = this.people.person("Hr", "HR");
		for (Person outsider : List.of(employee, hr)) {
			TestHttp http = outsider.signIn(this.port);
			assertThat(http.page("/admin/outbox?status=FAILED").statusCode()).isEqualTo(403);
			assertThat(http.page("/admin/outbox/1").statusCode()).isEqualTo(403);
			assertThat(
					new TestHttp(this.port).getWithBasic("/api/v1/admin/outbox", outsider.email(), Announcing.PASSWORD)
						.statusCode())
				.isEqualTo(403);
		}
		assertThat(new TestHttp(this.port).get("/api/v1/admin/outbox", "Accept", "application/json").statusCode())
			.isEqualTo(401);
	}

	@Test
	void theApiIsDocumented() {
		HttpResponse<String> docs = this.admin.signIn(this.port).get("/v3/api-docs", "Accept", "application/json");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(docs.body()).get("paths").has("/api/v1/admin/outbox")).isTrue();
	}

	private void messages(Person person, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("""
				insert into outbox_messages (idempotency_key, employee_id, kind, subject, link, status,
				                             next_attempt_at, created_at)
				select concat('test:paging:', cast(? as varchar), ':', cast(n as varchar)), ?, 'REMINDER',
				       concat('Reminder ', cast(n as varchar)), '/feed', 'PENDING', ?, ?
				from generate_series(1, ?) as s(n)""", person.employeeId(), person.employeeId(), now, now, count);
	}

	private void status(String key, String status, String error) {
		this.jdbc.update("update outbox_messages set status = ?, last_error = ? where idempotency_key = ?", status,
				error, key);
	}

	private static List<Long> ids(Document page) {
		return page.select("[data-outbox-message]")
			.eachAttr("data-outbox-message")
			.stream()
			.map(Long::valueOf)
			.toList();
	}

	private static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
