package io.herald.announcement.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.Feed;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcement, feed and channel API over HTTP with Basic credentials, as an
 * integration uses it, on the demo organisation (the comms manager posts, the employee in
 * Engineering reads).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnouncementApiTests implements PostgresIntegrationTest {

	private static final String COMMS = "comms@herald.test";

	private static final String EMPLOYEE = "employee@herald.test";

	private static final String PASSWORD = "herald-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient sql;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void listsTheOpenChannelsWithTheirSlugs() {
		HttpResponse<String> response = this.http.getWithBasic("/api/v1/channels", EMPLOYEE, PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode channels = json(response);
		assertThat(channels.isArray()).isTrue();
		JsonNode company = find(channels, "slug", "company");
		assertThat(company.get("id").asLong()).isPositive();
		assertThat(company.get("name").asString()).isEqualTo("Company news");
		assertThat(company.get("kind").asString()).isEqualTo("COMPANY");
		assertThat(company.get("mayPost").asBoolean()).isFalse();
		assertThat(find(channels, "slug", "it-status").get("kind").asString()).isEqualTo("TOPIC");
	}

	@Test
	void aPublishedPostReachesTheEmployeesFeedAndReadingItIsRecorded() {
		String title = "Release train moves to Tuesdays " + System.nanoTime();
		HttpResponse<String> created = post("/api/v1/announcements", COMMS, Map.of("channel", "engineering", "title",
				title, "summary", "From next week", "body", "Releases go out on **Tuesdays**.", "priority", "INFO"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/announcements/" + id);

		HttpResponse<String> published = this.http.postEmptyWithBasic("/api/v1/announcements/" + id + "/publish", COMMS,
				PASSWORD);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(json(published).get("id").asLong()).isEqualTo(id);
		assertThat(json(published).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(json(published).get("recipients").asInt()).isBetween(80, 200);

		JsonNode item = feedItem(id);
		assertThat(item.get("title").asString()).isEqualTo(title);
		assertThat(item.get("channel").asString()).isEqualTo("engineering");
		assertThat(item.get("priority").asString()).isEqualTo("INFO");
		assertThat(item.get("read").asBoolean()).isFalse();
		assertThat(item.get("ackRequired").asBoolean()).isFalse();
		assertThat(Instant.parse(item.get("publishedAt").asString())).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));

		HttpResponse<String> reading = this.http.getWithBasic("/api/v1/announcements/" + id, EMPLOYEE, PASSWORD);
		assertThat(reading.statusCode()).isEqualTo(200);
		assertThat(json(reading).get("bodyHtml").asString()).contains("<strong>Tuesdays</strong>");
		assertThat(feedItem(id).get("read").asBoolean()).isTrue();
	}

	@Test
	void anImportantPostAsksForAcknowledgementByDefault() {
		Instant due = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> created = post("/api/v1/announcements", COMMS,
				Map.of("channel", "warsaw", "title", "Lift inspection " + System.nanoTime(), "body",
						"The lifts are inspected on Friday.", "priority", "important", "ackDueAt", due.toString(),
						"departments", List.of("Engineering")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		assertThat(
				this.http.postEmptyWithBasic("/api/v1/announcements/" + id + "/publish", COMMS, PASSWORD).statusCode())
			.isEqualTo(200);
		JsonNode item = feedItem(id);
		assertThat(item.get("ackRequired").asBoolean()).isTrue();
		assertThat(item.get("acknowledged").asBoolean()).isFalse();
		assertThat(Instant.parse(item.get("ackDueAt").asString())).isEqualTo(due);
	}

	@Test
	void aScheduledTimeSchedulesThePostUnlessTheChannelNeedsReview() {
		String at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString();
		HttpResponse<String> scheduled = post("/api/v1/announcements", COMMS, Map.of("channel", "social", "title",
				"Quiz night " + System.nanoTime(), "body", "Teams of four.", "priority", "INFO", "scheduledAt", at));
		assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
		assertThat(json(scheduled).get("status").asString()).isEqualTo("SCHEDULED");

		HttpResponse<String> reviewed = post("/api/v1/announcements", COMMS,
				Map.of("channel", "company", "title", "Office move " + System.nanoTime(), "body", "We move in spring.",
						"priority", "INFO", "scheduledAt", at));
		assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
		assertThat(json(reviewed).get("status").asString()).isEqualTo("DRAFT");
		long id = json(reviewed).get("id").asLong();
		HttpResponse<String> submitted = this.http.postEmptyWithBasic("/api/v1/announcements/" + id + "/submit", COMMS,
				PASSWORD);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(json(submitted).get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void aScheduleThatWouldReachNobodyIsRefusedBeforeAnythingIsSaved() {
		String title = "Finance only, on the engineering channel " + System.nanoTime();
		String at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString();
		HttpResponse<String> refused = post("/api/v1/announcements", COMMS,
				Map.of("channel", "engineering", "title", title, "body", "Nobody reads this.", "priority", "INFO",
						"departments", List.of("Finance"), "scheduledAt", at));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(json(refused).get("type").asString()).isEqualTo(ApiProblems.INVALID.toString());
		assertThat(this.sql.sql("select count(*) from announcements where title = :title")
			.param("title", title)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.sql.sql("select count(*) from audit_entries where details = :title")
			.param("title", title)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void publishingOnAChannelWithReviewOrTwiceIsAConflict() {
		HttpResponse<String> created = post("/api/v1/announcements", COMMS, Map.of("channel", "company", "title",
				"Parking rules " + System.nanoTime(), "body", "New parking rules.", "priority", "INFO"));
		long id = json(created).get("id").asLong();
		HttpResponse<String> refused = this.http.postEmptyWithBasic("/api/v1/announcements/" + id + "/publish", COMMS,
				PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(refused).get("detail").asString())
			.isEqualTo("This channel requires review before publishing: submit the post for review.");

		HttpResponse<String> other = post("/api/v1/announcements", COMMS, Map.of("channel", "london", "title",
				"Fire doors " + System.nanoTime(), "body", "Keep them shut.", "priority", "INFO"));
		long otherId = json(other).get("id").asLong();
		String path = "/api/v1/announcements/" + otherId + "/publish";
		assertThat(this.http.postEmptyWithBasic(path, COMMS, PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> again = this.http.postEmptyWithBasic(path, COMMS, PASSWORD);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("detail").asString())
			.isEqualTo("This post cannot be published in its current state.");
	}

	@Test
	void badInputIsRefusedWithAnErrorPerFieldAndNothingSaved() {
		Map<String, Object> request = Map.of("channel", "no-such-channel", "title", " ", "body", "", "priority",
				"URGENT", "departments", List.of("Nowhere"), "locations", List.of(999999999), "scheduledAt",
				"tomorrow morning");
		HttpResponse<String> response = post("/api/v1/announcements", COMMS, request);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		assertThat(problem.get("type").asString()).isEqualTo(ApiProblems.INVALID.toString());
		Map<String, String> errors = new java.util.HashMap<>();
		problem.get("errors")
			.forEach((error) -> errors.put(error.get("field").asString(), error.get("message").asString()));
		assertThat(errors)
			.containsEntry("channel", "There is no open channel with this slug; GET /api/v1/channels lists them.")
			.containsEntry("title", "Give the announcement a title of at most 200 characters.")
			.containsEntry("body", "Write the announcement (at most 50,000 characters).")
			.containsEntry("priority", "Use INFO, IMPORTANT or CRITICAL.")
			.containsEntry("departments", "There is no department Nowhere.")
			.containsEntry("locations", "There is no location 999999999.")
			.containsKey("scheduledAt");

		HttpResponse<String> past = post("/api/v1/announcements", COMMS,
				Map.of("channel", "london", "title", "Too late", "body", "Text.", "priority", "INFO", "scheduledAt",
						Instant.now().minus(Duration.ofHours(1)).toString()));
		assertThat(past.statusCode()).isEqualTo(422);
		assertThat(json(past).get("errors").get(0).get("field").asString()).isEqualTo("scheduledAt");
		assertThat(json(past).get("errors").get(0).get("message").asString())
			.isEqualTo("Choose a publishing time in the future.");
	}

	@Test
	void aTitleWithALineBreakOrNulIsAProblemOnTheTitleAndNothingIsSaved() {
		long before = announcementCount();
		for (String title : new String[] { "Carriage\rreturn", "Line\nfeed", "Nul\u0000byte" }) {
			HttpResponse<String> response = post("/api/v1/announcements", COMMS,
					Map.of("channel", "london", "title", title, "body", "Text.", "priority", "INFO"));
			assertThat(response.statusCode()).as(title).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			JsonNode error = json(response).get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo("title");
			assertThat(error.get("message").asString()).contains("Keep this on one line");
		}
		HttpResponse<String> nulInBody = post("/api/v1/announcements", COMMS,
				Map.of("channel", "london", "title", "Fine", "body", "Text\u0000.", "priority", "INFO"));
		assertThat(nulInBody.statusCode()).isEqualTo(400);
		assertThat(json(nulInBody).get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(announcementCount()).isEqualTo(before);
	}

	private long announcementCount() {
		return this.sql.sql("select count(*) from announcements").query(Long.class).single();
	}

	@Test
	void anEmployeeWhoMayNotPostIsForbiddenAndCannotSeeOthersDrafts() {
		HttpResponse<String> response = post("/api/v1/announcements", EMPLOYEE,
				Map.of("channel", "company", "title", "Hello", "body", "Hello everyone.", "priority", "INFO"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json(response).get("detail").asString()).isEqualTo("You may not post to this channel.");

		HttpResponse<String> draft = post("/api/v1/announcements", COMMS, Map.of("channel", "engineering", "title",
				"Not yet " + System.nanoTime(), "body", "Draft.", "priority", "INFO"));
		long id = json(draft).get("id").asLong();
		HttpResponse<String> publish = this.http.postEmptyWithBasic("/api/v1/announcements/" + id + "/publish",
				EMPLOYEE, PASSWORD);
		assertThat(publish.statusCode()).isEqualTo(404);
		assertThat(this.http.getWithBasic("/api/v1/announcements/" + id, EMPLOYEE, PASSWORD).statusCode())
			.isEqualTo(404);
		assertThat(this.http.getWithBasic("/api/v1/announcements/999999999", EMPLOYEE, PASSWORD).statusCode())
			.isEqualTo(404);
	}

	@Test
	void postsTakeJsonOnlySoOtherSitesCannotForgeThem() {
		byte[] form = "channel=engineering&title=Hi&body=Hi&priority=INFO".getBytes(StandardCharsets.UTF_8);
		assertThat(this.http
			.postWithBasic("/api/v1/announcements", "application/x-www-form-urlencoded", form, COMMS, PASSWORD)
			.statusCode()).isEqualTo(415);
		assertThat(this.http.postWithBasic("/api/v1/announcements", "text/plain", form, COMMS, PASSWORD).statusCode())
			.isEqualTo(415);

		HttpResponse<String> draft = post("/api/v1/announcements", COMMS, Map.of("channel", "engineering", "title",
				"Forged? " + System.nanoTime(), "body", "Draft.", "priority", "INFO"));
		String publish = "/api/v1/announcements/" + json(draft).get("id").asLong() + "/publish";
		assertThat(this.http.postWithBasic(publish, "text/plain", new byte[0], COMMS, PASSWORD).statusCode())
			.isEqualTo(415);
		assertThat(this.http.postEmptyWithBasic(publish, COMMS, PASSWORD, "Sec-Fetch-Site", "cross-site").statusCode())
			.isEqualTo(403);
		assertThat(this.http
			.postWithBasic(publish, "application/json", "{}".getBytes(StandardCharsets.UTF_8), COMMS, PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theFeedPagesWithACursorWithoutRepeatsOrGaps() {
		List<Long> all = new ArrayList<>();
		JsonNode whole = json(this.http.getWithBasic("/api/v1/feed?size=100", EMPLOYEE, PASSWORD));
		whole.get("items").forEach((item) -> all.add(item.get("id").asLong()));
		assertThat(all).hasSizeGreaterThan(10);

		List<Long> paged = new ArrayList<>();
		String cursor = null;
		for (int pages = 0; pages < 100; pages++) {
			String path = "/api/v1/feed?size=7" + ((cursor != null) ? "&cursor=" + cursor : "");
			HttpResponse<String> response = this.http.getWithBasic(path, EMPLOYEE, PASSWORD);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode page = json(response);
			assertThat(page.get("items").size()).isLessThanOrEqualTo(7);
			page.get("items").forEach((item) -> paged.add(item.get("id").asLong()));
			JsonNode next = page.path("next");
			cursor = (next.isNull() || next.isMissingNode()) ? null : next.asString();
			if (cursor == null) {
				break;
			}
		}
		// Another test may publish meanwhile; the first 100 in order must agree.
		assertThat(paged.subList(0, Math.min(paged.size(), all.size()))).isEqualTo(all);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);

		JsonNode engineering = json(
				this.http.getWithBasic("/api/v1/feed?channel=engineering&size=50", EMPLOYEE, PASSWORD));
		Set<String> channels = new HashSet<>();
		engineering.get("items").forEach((item) -> channels.add(item.get("channel").asString()));
		assertThat(channels).containsExactly("engineering");
	}

	@Test
	void aCursorOrSizeTheFeedCannotUseIsAProblemOnThatField() {
		for (String query : List.of("cursor=nonsense", "size=0", "size=" + (Feed.MAX_PAGE + 1), "size=ten")) {
			HttpResponse<String> response = this.http.getWithBasic("/api/v1/feed?" + query, EMPLOYEE, PASSWORD);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = json(response);
			assertThat(problem.get("status").asInt()).isEqualTo(400);
			assertThat(problem.get("type").asString()).endsWith("/invalid-feed-request");
			JsonNode error = problem.get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
			assertThat(error.get("message").asString()).isNotBlank().doesNotContain("feed.api");
		}
		JsonNode both = json(this.http.getWithBasic("/api/v1/feed?cursor=nonsense&size=-1", EMPLOYEE, PASSWORD));
		List<String> fields = new ArrayList<>();
		both.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly("cursor", "size");
	}

	@Test
	void theDemoEmployeesFeedShowsTheOverdueAcknowledgement() {
		JsonNode page = json(this.http.getWithBasic("/api/v1/feed?size=100", EMPLOYEE, PASSWORD));
		List<String> overdue = new ArrayList<>();
		page.get("items").forEach((item) -> {
			if (item.get("overdue").asBoolean()) {
				overdue.add(item.get("title").asString());
			}
		});
		assertThat(overdue).contains("Secure coding standard v3: read and confirm");
	}

	private JsonNode feedItem(long id) {
		JsonNode page = json(this.http.getWithBasic("/api/v1/feed?size=100", EMPLOYEE, PASSWORD));
		return find(page.get("items"), "id", Long.toString(id));
	}

	private HttpResponse<String> post(String path, String email, Map<String, ?> body) {
		return this.http.postWithBasic(path, "application/json", JSON.writeValueAsBytes(body), email, PASSWORD);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.get(field).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("No element with " + field + " = " + value + " in " + array);
	}

}
