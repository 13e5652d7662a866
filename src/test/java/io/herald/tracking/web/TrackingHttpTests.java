package io.herald.tracking.web;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import io.herald.tracking.DeliveryCounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking page, its CSV and the receipts and tracking API over HTTP: figures and
 * filters on the page, a CSV that spreadsheets open safely with every alphabet intact,
 * the reminder button's round trip, 204/404/409 from the API, and 404 for everyone who
 * may not track a post.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrackingHttpTests implements PostgresIntegrationTest {

	static final String COMMS = "comms@herald.test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	DeliveryCounts counts;

	@Autowired
	JsonMapper json;

	Announcing data;

	Person author;

	Channel channel;

	@BeforeEach
	void setUp() {
		this.data = new Announcing(this.jdbc);
		this.author = this.data.person("Author");
		this.channel = this.data.topic("Tracked");
	}

	@Test
	void theCsvNeutralisesFormulasAndKeepsUtf8Names() throws IOException {
		Person formula = named(this.data.person("Formula"), "=HYPERLINK(\"http://evil.example\")", "Sum");
		Person plus = named(this.data.person("Plus"), "+48 Zofia", "Żółć");
		Person chinese = named(this.data.person("Chinese"), "小明", "王");
		Person at = named(this.data.person("At"), "@Ada", "-Lovelace");
		long post = importantPost("Export me", formula, plus, chinese, at);

		HttpResponse<byte[]> response = signInAs(COMMS).download("/manage/announcements/" + post + "/tracking.csv");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("tracking-" + post + ".csv");
		byte[] body = response.body();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = CSVFormat.DEFAULT
			.parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(records.get(0).values()).containsExactly("name", "email", "department", "location", "status",
				"read_at", "acknowledged_at", "ack_due_at");
		List<String> names = records.stream().skip(1).map((r) -> r.get(0)).toList();
		assertThat(names).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil.example\") Sum", "'+48 Zofia Żółć",
				"王小明", "'@Ada -Lovelace");
		assertThat(records.stream().skip(1).map((r) -> r.get(4)).distinct()).containsExactly("UNREAD");
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\r\n");
	}

	@Test
	void thePageAndTheCsvFollowTheStatusAndDepartmentFilters() throws IOException {
		Person done = this.data.person("Done");
		Person waiting = this.data.person("Waiting");
		Person away = this.data.person("Away");
		long department = this.sql.sql("insert into departments (name, created_at) values (:name, now()) returning id")
			.param("name", "Tracked department " + System.nanoTime())
			.query(Long.class)
			.single();
		this.sql.sql("update employees set department_id = :department where id = any(:people)")
			.param("department", department)
			.param("people", new Long[] { done.employeeId(), waiting.employeeId() })
			.update();
		long post = importantPost("Filter me", done, waiting, away);
		TestHttp reader = done.signIn(this.port);
		String token = TestHttp.csrfToken(reader.page("/announcements/" + post).body());
		assertThat(reader.postForm("/announcements/" + post + "/ack", Map.of("_csrf", token)).statusCode())
			.isEqualTo(302);
		TestHttp manager = signInAs(COMMS);

		Document all = page(manager, "/manage/announcements/" + post + "/tracking");
		assertThat(all.select("[data-figure=recipients]").text()).isEqualTo("3");
		assertThat(all.select("[data-figure=read]").text()).isEqualTo("1 (33.3%)");
		assertThat(all.select("[data-figure=acknowledged]").text()).isEqualTo("1 (33.3%)");
		assertThat(all.select("[data-figure=onTime]").text()).isEqualTo("1 (33.3%)");
		assertThat(all.select("[data-figure=overdue]").text()).isEqualTo("0 (0%)");
		assertThat(all.select("table[data-breakdown=department] tr[data-row=" + department + "] [data-cell=recipients]")
			.text()).isEqualTo("2");
		assertThat(all.select("table[data-recipients] tbody tr")).hasSize(3);
		assertThat(all.select("form[action$=/tracking/remind] button").text())
			.isEqualTo("Remind the non-acknowledgers now");

		Document filtered = page(manager,
				"/manage/announcements/" + post + "/tracking?status=NOT_ACKNOWLEDGED&department=" + department);
		assertThat(filtered.select("table[data-recipients] tbody tr").eachAttr("data-employee-id"))
			.containsExactly(Long.toString(waiting.employeeId()));
		String csvLink = filtered.selectFirst("a[data-csv-link]").attr("href");
		assertThat(csvLink).contains("status=NOT_ACKNOWLEDGED").contains("department=" + department);
		byte[] csv = manager.download(csvLink).body();
		List<CSVRecord> rows = CSVFormat.DEFAULT
			.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(1)).isEqualTo(waiting.email());
		assertThat(page(manager, "/manage/announcements/" + post + "/tracking?status=ACKNOWLEDGED")
			.select("table[data-recipients] tbody tr [data-recipient-status]")).isEmpty();
		assertThat(page(manager, "/manage/announcements/" + post + "/tracking?status=ACKNOWLEDGED")
			.select("table[data-recipients] tbody tr")
			.eachAttr("data-recipient-status")).containsExactly("ACKNOWLEDGED");
		// Nonsense filters are ignored rather than failing the page.
		assertThat(page(manager, "/manage/announcements/" + post + "/tracking?status=nonsense&department=x&page=-3")
			.select("table[data-recipients] tbody tr")).hasSize(3);
	}

	@Test
	void theReminderButtonRemindsOnceAndSaysWhenItIsAvailableAgain() {
		Person reader = this.data.person("Reader");
		long post = importantPost("Remind me", reader);
		TestHttp manager = signInAs(COMMS);
		String path = "/manage/announcements/" + post + "/tracking";
		assertThat(page(manager, "/announcements/" + post).select("a[data-tracking-link]").attr("href"))
			.isEqualTo(path);
		assertThat(page(manager, "/manage/announcements/" + post).select("a[data-tracking-link]").attr("href"))
			.isEqualTo(path);
		Document page = page(manager, path);

		HttpResponse<String> remind = manager.postForm(path + "/remind",
				Map.of("_csrf", TestHttp.csrfToken(page.html())));

		assertThat(remind.statusCode()).isEqualTo(302);
		Document after = page(manager, path);
		assertThat(after.select("[data-reminded]").text()).isEqualTo("Reminder sent to 1 person still to acknowledge.");
		assertThat(after.select("[data-remind] button[disabled]")).hasSize(1);
		assertThat(after.select("[data-remind-again]").text()).startsWith("Reminders can go once every 12 hours");
		assertThat(after.select("[data-last-reminder]").text()).contains("to 1 person");
		HttpResponse<String> again = manager.postForm(path + "/remind",
				Map.of("_csrf", TestHttp.csrfToken(after.html())));
		assertThat(page(manager, path).select(".alert-danger").text())
			.isEqualTo("Reminders went out less than 12 hours ago. Try again later.");
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(this.sql.sql("""
				select count(*) from notifications
				where announcement_id = :announcement and employee_id = :employee and kind = 'REMINDER'""")
			.param("announcement", post)
			.param("employee", reader.employeeId())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void peopleWhoMayNotTrackAPostGetNotFoundOnThePageTheCsvAndTheApi() {
		Person reader = this.data.person("Reader");
		long post = importantPost("Not yours to track", reader);
		TestHttp http = reader.signIn(this.port);
		String token = TestHttp.csrfToken(http.page("/feed").body());

		assertThat(page(http, "/announcements/" + post).select("a[data-tracking-link]")).isEmpty();
		assertThat(http.page("/manage/announcements/" + post + "/tracking").statusCode()).isEqualTo(404);
		assertThat(http.download("/manage/announcements/" + post + "/tracking.csv").statusCode()).isEqualTo(404);
		assertThat(http.postForm("/manage/announcements/" + post + "/tracking/remind", Map.of("_csrf", token))
			.statusCode()).isEqualTo(404);
		HttpResponse<String> api = http.getWithBasic("/api/v1/announcements/" + post + "/tracking", reader.email(),
				Announcing.PASSWORD);
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(http
			.getWithBasic("/api/v1/announcements/" + post + "/tracking/recipients", reader.email(), Announcing.PASSWORD)
			.statusCode()).isEqualTo(404);
		assertThat(http.page("/manage/announcements/" + this.data.missingId() + "/tracking").statusCode())
			.isEqualTo(404);
		assertThat(this.sql.sql("select count(*) from tracking_reminders where announcement_id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theApiRecordsReadsAndAcknowledgementsIdempotentlyForRecipientsOnly() {
		Person reader = this.data.person("Reader");
		Person outsider = this.data.person("Outsider");
		long post = importantPost("Through the API", reader);
		long info = this.data.publish(this.channel, this.author, "Info", Instant.now().minusSeconds(30), reader);
		TestHttp http = new TestHttp(this.port);
		String password = Announcing.PASSWORD;
		String base = "/api/v1/announcements/";

		assertThat(http.postEmptyWithBasic(base + post + "/read", reader.email(), password).statusCode())
			.isEqualTo(204);
		assertThat(http.postEmptyWithBasic(base + post + "/read", reader.email(), password).statusCode())
			.isEqualTo(204);
		assertThat(http.postEmptyWithBasic(base + post + "/ack", reader.email(), password).statusCode()).isEqualTo(204);
		assertThat(http.postWithBasic(base + post + "/ack", "application/json", new byte[0], reader.email(), password)
			.statusCode()).isEqualTo(204);
		assertThat(this.sql.sql("""
				select sum(read_count) || '/' || sum(acknowledged) from delivery_counts
				where announcement_id = :announcement""").param("announcement", post).query(String.class).single())
			.isEqualTo("1/1");

		HttpResponse<String> refused = http.postEmptyWithBasic(base + info + "/ack", reader.email(), password);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("does not ask for an acknowledgement");
		for (String call : List.of("/read", "/ack")) {
			assertThat(http.postEmptyWithBasic(base + post + call, outsider.email(), password).statusCode())
				.isEqualTo(404);
			assertThat(http.postEmptyWithBasic(base + this.data.missingId() + call, outsider.email(), password)
				.statusCode()).isEqualTo(404);
		}
		assertThat(
				http.postEmptyWithBasic(base + post + "/ack", reader.email(), password, "Sec-Fetch-Site", "cross-site")
					.statusCode())
			.isEqualTo(403);
		assertThat(http
			.postWithBasic(base + post + "/read", "text/plain", "x".getBytes(StandardCharsets.UTF_8), reader.email(),
					password)
			.statusCode()).isEqualTo(415);
	}

	@Test
	void theTrackingApiGivesTheContractsFiguresAndTheRecipientList() {
		Person reader = this.data.person("Reader");
		Person other = this.data.person("Other");
		long post = importantPost("Tracked by API", reader, other);
		TestHttp http = new TestHttp(this.port);
		http.postEmptyWithBasic("/api/v1/announcements/" + post + "/ack", reader.email(), Announcing.PASSWORD);

		HttpResponse<String> response = http.getWithBasic("/api/v1/announcements/" + post + "/tracking", COMMS,
				Announcing.PASSWORD);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode tracking = this.json.readTree(response.body());
		assertThat(tracking.get("recipients").asInt()).isEqualTo(2);
		assertThat(tracking.get("read").asInt()).isEqualTo(1);
		assertThat(tracking.get("acknowledged").asInt()).isEqualTo(1);
		assertThat(tracking.get("overdue").asInt()).isZero();
		assertThat(tracking.get("ackRate").asDouble()).isEqualTo(50.0);
		JsonNode department = tracking.get("byDepartment").get(0);
		assertThat(department.get("recipients").asInt()).isEqualTo(2);
		assertThat(department.get("acknowledged").asInt()).isEqualTo(1);
		assertThat(department.has("department")).isTrue();
		assertThat(tracking.get("byLocation").size()).isOne();

		JsonNode list = this.json.readTree(
				http.getWithBasic("/api/v1/announcements/" + post + "/tracking/recipients?status=not-acknowledged",
						COMMS, Announcing.PASSWORD)
					.body());
		assertThat(list.get("total").asInt()).isOne();
		assertThat(list.get("items").get(0).get("email").asString()).isEqualTo(other.email());
		assertThat(list.get("items").get(0).get("status").asString()).isEqualTo("UNREAD");
	}

	private long importantPost(String title, Person... recipients) {
		long id = this.data.publish(
				new Post(this.channel, this.author, title, null, "Body of " + title, "IMPORTANT",
						Instant.now().minusSeconds(60), null, true, Instant.now().plus(Duration.ofDays(3))),
				recipients);
		// Deliveries keep where their recipients stood, as publishing does.
		this.sql.sql("""
				update deliveries
				set department_id = (select e.department_id from employees e where e.id = deliveries.employee_id),
				  location_id = (select e.location_id from employees e where e.id = deliveries.employee_id)
				where announcement_id = :announcement""").param("announcement", id).update();
		this.counts.recount(List.of(id));
		return id;
	}

	private Person named(Person person, String first, String last) {
		this.sql.sql("update employees set first_name = :first, last_name = :last where id = :employee")
			.param("first", first)
			.param("last", last)
			.param("employee", person.employeeId())
			.update();
		return person;
	}

	private TestHttp signInAs(String email) {
		TestHttp http = new TestHttp(this.port);
		assertThat(http.signIn(email, Announcing.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

	private static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
