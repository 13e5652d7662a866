package io.herald.announcement.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HR reads published posts of any channel, not someone else's drafts or posts in review:
 * those answer exactly as an id that does not exist, on the desk, in the reader view and
 * in the API (issue 15, F4). The author and the channel's managers keep seeing them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HrReadingHttpTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Announcing data;

	Person author;

	Person hr;

	Channel channel;

	@BeforeEach
	void setUp() {
		this.data = new Announcing(this.jdbc);
		this.author = this.data.person("Author");
		this.hr = this.data.person("Hr", "HR");
		this.channel = this.data.topic("Drafting");
		this.data.member(this.channel, this.author, "PUBLISHER");
	}

	@Test
	void hrGetsNotFoundForSomeoneElsesDraftAndPostInReview() {
		TestHttp http = this.hr.signIn(this.port);
		long missing = this.data.missingId();
		for (String status : new String[] { "DRAFT", "IN_REVIEW", "CHANGES_REQUESTED" }) {
			long id = this.data.unpublished(this.channel, this.author, "Secret " + status, status);
			for (String path : new String[] { "/manage/announcements/%d", "/announcements/%d" }) {
				HttpResponse<String> existing = http.page(path.formatted(id));
				HttpResponse<String> nothing = http.page(path.formatted(missing));
				assertThat(existing.statusCode()).as(status + " " + path).isEqualTo(404);
				assertThat(nothing.statusCode()).isEqualTo(404);
				assertThat(existing.body()).doesNotContain("Secret");
			}
			HttpResponse<String> api = http.getWithBasic("/api/v1/announcements/" + id, this.hr.email(),
					Announcing.PASSWORD);
			HttpResponse<String> apiMissing = http.getWithBasic("/api/v1/announcements/" + missing, this.hr.email(),
					Announcing.PASSWORD);
			assertThat(api.statusCode()).as(status).isEqualTo(404);
			assertThat(api.body().replace(String.valueOf(id), "ID"))
				.isEqualTo(apiMissing.body().replace(String.valueOf(missing), "ID"));
		}
	}

	@Test
	void hrStillReadsAPublishedPostOfAnyChannel() {
		Person reader = this.data.person("Reader");
		long id = this.data.publish(this.channel, this.author, "Out there", Instant.now().minus(Duration.ofHours(1)),
				reader);
		TestHttp http = this.hr.signIn(this.port);

		assertThat(http.page("/announcements/" + id).statusCode()).isEqualTo(200);
		assertThat(http.page("/manage/announcements/" + id).statusCode()).isEqualTo(200);
		HttpResponse<String> api = http.getWithBasic("/api/v1/announcements/" + id, this.hr.email(),
				Announcing.PASSWORD);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("Out there");
	}

	@Test
	void theAuthorAndCommunicationsManagersKeepSeeingDraftsAndPostsInReview() {
		long draft = this.data.unpublished(this.channel, this.author, "Own draft", "DRAFT");
		long inReview = this.data.unpublished(this.channel, this.author, "Waiting", "IN_REVIEW");
		TestHttp author = this.author.signIn(this.port);
		TestHttp comms = new TestHttp(this.port);
		comms.signIn("comms@herald.test", "herald-demo");
		Person hrOwner = this.data.person("HrOwner", "HR");
		this.data.member(this.channel, hrOwner, "OWNER");
		TestHttp owner = hrOwner.signIn(this.port);

		for (long id : new long[] { draft, inReview }) {
			assertThat(author.page("/manage/announcements/" + id).statusCode()).isEqualTo(200);
			assertThat(comms.page("/manage/announcements/" + id).statusCode()).isEqualTo(200);
			assertThat(owner.page("/manage/announcements/" + id).statusCode()).isEqualTo(200);
		}
	}

}
