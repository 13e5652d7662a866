package io.herald.tracking.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import io.herald.tracking.DeliveryCounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "I have read and understood" button over HTTP: a form post with the CSRF token that
 * acknowledges once and sends the person back (to the post, or to a local page they came
 * from, never elsewhere) with a message; refusals are explained, non-recipients get 404.
 * The post page, feed items awaiting acknowledgement and the critical banner offer it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AcknowledgementHttpTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	DeliveryCounts counts;

	Announcing data;

	Person author;

	Channel channel;

	@BeforeEach
	void setUp() {
		this.data = new Announcing(this.jdbc);
		this.author = this.data.person("Author");
		this.channel = this.data.topic("Acknowledging");
	}

	@Test
	void acknowledgingWithoutTheFormsCsrfTokenIsRefused() {
		Person reader = this.data.person("Reader");
		long post = importantPost("No token", reader);
		TestHttp http = reader.signIn(this.port);

		HttpResponse<String> response = http.postForm("/announcements/" + post + "/ack", Map.of());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(acknowledged(post, reader)).isFalse();
	}

	@Test
	void theButtonOnThePostAcknowledgesOnceAndASecondClickShowsTheAcknowledgedState() {
		Person reader = this.data.person("Reader");
		long post = importantPost("Safety rules", reader);
		TestHttp http = reader.signIn(this.port);
		Document page = page(http, "/announcements/" + post);
		Element form = page.selectFirst("[data-acknowledgement] form[data-ack-form]");
		assertThat(form).isNotNull();
		assertThat(form.attr("action")).isEqualTo("/announcements/" + post + "/ack");
		assertThat(form.selectFirst("button").text()).isEqualTo("I have read and understood");

		HttpResponse<String> first = http.postForm(form.attr("action"),
				Map.of("_csrf", TestHttp.csrfToken(page.html())));

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(location(first)).endsWith("/announcements/" + post);
		Document after = page(http, "/announcements/" + post);
		assertThat(after.select(".alert-success").text()).isEqualTo("Thank you: your acknowledgement is recorded.");
		assertThat(after.select("[data-ack-state=acknowledged]")).hasSize(1);
		assertThat(after.select("form[data-ack-form]")).isEmpty();
		String at = acknowledgedAt(post, reader);

		HttpResponse<String> second = http.postForm("/announcements/" + post + "/ack",
				Map.of("_csrf", TestHttp.csrfToken(after.html())));

		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(page(http, location(second)).select("[data-ack-state=acknowledged]")).hasSize(1);
		assertThat(acknowledgedAt(post, reader)).isEqualTo(at);
		assertThat(this.sql.sql("select sum(acknowledged) from delivery_counts where announcement_id = :announcement")
			.param("announcement", post)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void returnToSendsThePersonBackToLocalPagesOnly() {
		Person reader = this.data.person("Reader");
		TestHttp http = reader.signIn(this.port);
		String token = TestHttp.csrfToken(http.page("/feed").body());
		for (String local : List.of("/feed", "/feed?channel=" + this.channel.slug(), "/channels/" + this.channel.slug(),
				"/")) {
			long post = importantPost("Back to " + local, reader);
			HttpResponse<String> response = http.postForm("/announcements/" + post + "/ack",
					Map.of("_csrf", token, "returnTo", local));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(location(response)).as(local).endsWith(local);
			assertThat(acknowledged(post, reader)).isTrue();
		}
		for (String foreign : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example",
				"\\\\evil.example", "javascript:alert(1)", "/feed\r\nSet-Cookie: x=y", "feed", "/feed#top",
				"/@evil.example", "http:/evil.example", "")) {
			long post = importantPost("Not back to " + foreign.hashCode(), reader);
			HttpResponse<String> response = http.postForm("/announcements/" + post + "/ack",
					Map.of("_csrf", token, "returnTo", foreign));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(location(response)).as(foreign).endsWith("/announcements/" + post);
		}
	}

	@Test
	void refusalsAreExplainedAndNonRecipientsGetNotFound() {
		Person reader = this.data.person("Reader");
		Person outsider = this.data.person("Outsider");
		long info = this.data.publish(this.channel, this.author, "Just so you know", Instant.now().minusSeconds(60),
				reader);
		long expired = importantPost("Expired", reader);
		this.sql.sql("update announcements set expires_at = now() - interval '1 second' where id = :announcement")
			.param("announcement", expired)
			.update();
		long important = importantPost("Not for the outsider", reader);
		TestHttp http = reader.signIn(this.port);
		String token = TestHttp.csrfToken(http.page("/feed").body());

		HttpResponse<String> notAsked = http.postForm("/announcements/" + info + "/ack", Map.of("_csrf", token));
		assertThat(page(http, location(notAsked)).select(".alert-danger").text())
			.isEqualTo("This announcement does not ask for an acknowledgement.");
		HttpResponse<String> tooLate = http.postForm("/announcements/" + expired + "/ack", Map.of("_csrf", token));
		assertThat(page(http, location(tooLate)).select(".alert-danger").text())
			.isEqualTo("This announcement has expired and can no longer be acknowledged.");

		TestHttp other = outsider.signIn(this.port);
		String otherToken = TestHttp.csrfToken(other.page("/feed").body());
		assertThat(other.postForm("/announcements/" + important + "/ack", Map.of("_csrf", otherToken)).statusCode())
			.isEqualTo(404);
		assertThat(other.postForm("/announcements/" + this.data.missingId() + "/ack", Map.of("_csrf", otherToken))
			.statusCode()).isEqualTo(404);
		assertThat(acknowledged(expired, reader)).isFalse();
	}

	@Test
	void feedItemsAndTheCriticalBannerOfferTheButtonUntilAcknowledged() {
		Person reader = this.data.person("Reader");
		long important = importantPost("From the feed", reader);
		long critical = this.data
			.publish(
					new Post(this.channel, this.author, "Evacuate building B", null, "Leave **now**.", "CRITICAL",
							Instant.now().minusSeconds(10), null, true, Instant.now().plus(Duration.ofHours(2))),
					reader);
		this.counts.recount(List.of(critical));
		TestHttp http = reader.signIn(this.port);
		String feedPath = "/feed?channel=" + this.channel.slug();
		Document feed = page(http, feedPath);
		Element itemForm = feed.selectFirst("article[data-announcement-id=" + important + "] form[data-ack-form]");
		assertThat(itemForm).isNotNull();
		assertThat(itemForm.selectFirst("input[name=returnTo]").val()).isEqualTo(feedPath);
		Element bannerForm = feed.selectFirst("[data-critical-banner] form[data-ack-form]");
		assertThat(bannerForm.attr("action")).isEqualTo("/announcements/" + critical + "/ack");

		HttpResponse<String> fromFeed = http.postForm(itemForm.attr("action"),
				Map.of("_csrf", TestHttp.csrfToken(feed.html()), "returnTo", feedPath));
		Document back = page(http, location(fromFeed));
		assertThat(location(fromFeed)).endsWith(feedPath);
		assertThat(back.select("article[data-announcement-id=" + important + "] form[data-ack-form]")).isEmpty();
		assertThat(back.select("article[data-announcement-id=" + important + "] [data-acknowledged]")).hasSize(1);

		HttpResponse<String> fromBanner = http.postForm(bannerForm.attr("action"),
				Map.of("_csrf", TestHttp.csrfToken(back.html()), "returnTo", "/directory"));
		assertThat(location(fromBanner)).endsWith("/directory");
		Document directory = page(http, "/directory");
		assertThat(directory.select("[data-critical-banner]")).isEmpty();
		assertThat(acknowledged(important, reader)).isTrue();
		assertThat(acknowledged(critical, reader)).isTrue();
	}

	private long importantPost(String title, Person... recipients) {
		long id = this.data.publish(
				new Post(this.channel, this.author, title, null, "Body of " + title, "IMPORTANT",
						Instant.now().minusSeconds(60), null, true, Instant.now().plus(Duration.ofDays(3))),
				recipients);
		this.counts.recount(List.of(id));
		return id;
	}

	private boolean acknowledged(long post, Person person) {
		return acknowledgedAt(post, person) != null;
	}

	private String acknowledgedAt(long post, Person person) {
		return this.sql.sql("""
				select cast(acknowledged_at as varchar) from deliveries
				where announcement_id = :announcement and employee_id = :employee""")
			.param("announcement", post)
			.param("employee", person.employeeId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
