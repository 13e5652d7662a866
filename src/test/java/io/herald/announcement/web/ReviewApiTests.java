package io.herald.announcement.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewing over the API with the desk's rules: only the channel's owners (and the
 * communications managers) approve or send back, never the author their own post; a post
 * not in review is a conflict; an empty comment is a problem on {@code comment} and
 * changes nothing. The author hears of the answer in their notifications, the owner of
 * the request in theirs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReviewApiTests implements PostgresIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	TestHttp http;

	Announcing announcing;

	Channel channel;

	Person author;

	Person owner;

	Person publisher;

	Person outsider;

	@BeforeEach
	void reviewedChannel() {
		this.http = new TestHttp(this.port);
		this.announcing = new Announcing(this.jdbc);
		this.author = this.announcing.person("Author");
		this.owner = this.announcing.person("Owner");
		this.publisher = this.announcing.person("Publisher");
		this.outsider = this.announcing.person("Outsider");
		Person reader = this.announcing.person("Reader");
		this.channel = this.announcing.topic("Reviewed news");
		this.sql.sql("update channels set requires_review = true where id = :channel")
			.param("channel", this.channel.id())
			.update();
		member(this.author, "PUBLISHER");
		member(this.publisher, "PUBLISHER");
		member(this.owner, "OWNER");
		this.sql.sql("""
				insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
				values (:channel, :employee, now())""")
			.param("channel", this.channel.id())
			.param("employee", reader.employeeId())
			.update();
	}

	@Test
	void theOwnerApprovesAndTheAuthorIsToldWithALinkToThePost() {
		long id = submitted(this.author, "Office move");

		JsonNode request = only(notifications(this.owner), "REVIEW_REQUESTED");
		assertThat(request.get("title").asString()).isEqualTo("Waiting for your review: Office move");
		assertThat(request.get("link").asString()).isEqualTo("/manage/announcements/" + id);

		HttpResponse<String> approved = this.http.postEmptyWithBasic(path(id, "approve"), this.owner.email(),
				Announcing.PASSWORD);

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(json(approved).get("id").asLong()).isEqualTo(id);
		assertThat(json(approved).get("status").asString()).isEqualTo("PUBLISHED");
		JsonNode answer = only(notifications(this.author), "POST_APPROVED");
		assertThat(answer.get("title").asString()).isEqualTo("Your post was approved: Office move");
		assertThat(answer.get("link").asString()).isEqualTo("/manage/announcements/" + id);
		assertThat(answer.get("read").asBoolean()).isFalse();

		HttpResponse<String> again = this.http.postEmptyWithBasic(path(id, "approve"), this.owner.email(),
				Announcing.PASSWORD);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
		assertThat(json(again).get("detail").asString()).contains("waiting for review");
	}

	@Test
	void onlyTheChannelsReviewersMayAnswerAndNeverOnTheirOwnPost() {
		long id = submitted(this.author, "Parking rules");

		assertThat(approve(id, this.publisher).statusCode()).isEqualTo(403);
		assertThat(approve(id, this.outsider).statusCode()).isEqualTo(404);
		assertThat(status(id)).isEqualTo("IN_REVIEW");

		long own = submitted(this.owner, "Owner's own post");
		HttpResponse<String> refused = approve(own, this.owner);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(json(refused).get("detail").asString()).contains("authors cannot approve their own");
		assertThat(status(own)).isEqualTo("IN_REVIEW");
	}

	@Test
	void anApprovalOfAVersionTheReviewerDidNotReadIsAConflict() {
		long id = submitted(this.author, "Canteen hours");

		HttpResponse<String> stale = this.http.postWithBasic(path(id, "approve"), "application/json",
				"{\"version\": 9999}".getBytes(StandardCharsets.UTF_8), this.owner.email(), Announcing.PASSWORD);

		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(status(id)).isEqualTo("IN_REVIEW");
	}

	@Test
	void changesAreRequestedWithACommentTheAuthorReads() {
		long id = submitted(this.author, "Holiday rota");

		HttpResponse<String> empty = requestChanges(id, this.owner, "{\"comment\": \"   \"}");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
		assertThat(json(empty).get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(requestChanges(id, this.owner, "{}").statusCode()).isEqualTo(422);
		assertThat(status(id)).isEqualTo("IN_REVIEW");

		assertThat(requestChanges(id, this.publisher, "{\"comment\": \"No.\"}").statusCode()).isEqualTo(403);

		HttpResponse<String> sentBack = requestChanges(id, this.owner, "{\"comment\": \"Add the dates, please.\"}");
		assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(200);
		assertThat(json(sentBack).get("status").asString()).isEqualTo("CHANGES_REQUESTED");
		assertThat(status(id)).isEqualTo("CHANGES_REQUESTED");
		JsonNode answer = only(notifications(this.author), "CHANGES_REQUESTED");
		assertThat(answer.get("title").asString()).isEqualTo("Changes requested to your post: Holiday rota");
		assertThat(answer.get("detail").asString()).isEqualTo("Add the dates, please.");

		assertThat(requestChanges(id, this.owner, "{\"comment\": \"Again.\"}").statusCode()).isEqualTo(409);
	}

	@Test
	void reviewsTakeJsonOnlyAndRefuseOtherSites() {
		long id = submitted(this.author, "Forged review");
		byte[] form = "comment=Forged".getBytes(StandardCharsets.UTF_8);

		assertThat(this.http
			.postWithBasic(path(id, "request-changes"), "application/x-www-form-urlencoded", form, this.owner.email(),
					Announcing.PASSWORD)
			.statusCode()).isEqualTo(415);
		assertThat(this.http
			.postWithBasic(path(id, "approve"), "text/plain", form, this.owner.email(), Announcing.PASSWORD)
			.statusCode()).isEqualTo(415);
		assertThat(this.http
			.postEmptyWithBasic(path(id, "approve"), this.owner.email(), Announcing.PASSWORD, "Sec-Fetch-Site",
					"cross-site")
			.statusCode()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("IN_REVIEW");
	}

	private long submitted(Person writer, String title) {
		HttpResponse<String> created = this.http.postWithBasic(
				"/api/v1/announcements", "application/json", JSON.writeValueAsBytes(Map.of("channel",
						this.channel.slug(), "title", title, "body", "Body of " + title, "priority", "INFO")),
				writer.email(), Announcing.PASSWORD);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		HttpResponse<String> submitted = this.http.postEmptyWithBasic(path(id, "submit"), writer.email(),
				Announcing.PASSWORD);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return id;
	}

	private HttpResponse<String> approve(long id, Person reviewer) {
		return this.http.postEmptyWithBasic(path(id, "approve"), reviewer.email(), Announcing.PASSWORD);
	}

	private HttpResponse<String> requestChanges(long id, Person reviewer, String body) {
		return this.http.postWithBasic(path(id, "request-changes"), "application/json",
				body.getBytes(StandardCharsets.UTF_8), reviewer.email(), Announcing.PASSWORD);
	}

	private JsonNode notifications(Person person) {
		HttpResponse<String> response = this.http.getWithBasic("/api/v1/notifications", person.email(),
				Announcing.PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("items");
	}

	private static JsonNode only(JsonNode items, String kind) {
		JsonNode found = null;
		for (JsonNode item : items) {
			if (item.get("kind").asString().equals(kind)) {
				assertThat(found).as("a second " + kind + " in " + items).isNull();
				found = item;
			}
		}
		assertThat(found).as("a " + kind + " in " + items).isNotNull();
		return found;
	}

	private String status(long id) {
		return this.sql.sql("select status from announcements where id = :announcement")
			.param("announcement", id)
			.query(String.class)
			.single();
	}

	private void member(Person person, String role) {
		this.sql.sql("insert into channel_members (channel_id, employee_id, role) values (:channel, :employee, :role)")
			.param("channel", this.channel.id())
			.param("employee", person.employeeId())
			.param("role", role)
			.update();
	}

	private static String path(long id, String action) {
		return "/api/v1/announcements/" + id + "/" + action;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
