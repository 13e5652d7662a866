package io.herald.announcement.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.StatementCounter;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed, the post page, a channel's page and the inbox run a fixed and small number of
 * statements, however many posts or notifications the page shows or the post reached: no
 * N+1. The bounds are today's counts (the layout's five among them), so a change that
 * adds a statement to a hot page has to say so here. Counted at the JDBC connection, on
 * the web server's request threads only, so background jobs do not blur the count.
 */
@Import(StatementCounter.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedStatementCountTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFeedRunsAsManyStatementsForFivePostsAsForForty() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		int few = statementsForFeedWith(data, author, 5);
		int many = statementsForFeedWith(data, author, 40);
		assertThat(few).isPositive().isLessThanOrEqualTo(9);
		assertThat(many).isEqualTo(few);
	}

	@Test
	void thePostPageRunsAsManyStatementsForOneRecipientAsForForty() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		Channel channel = data.topic("Counted post");
		Person reader = data.person("Reader");
		long alone = data.publish(channel, author, "For one", Instant.now().minusSeconds(60), reader);
		long shared = data.publish(channel, author, "For forty", Instant.now().minusSeconds(30),
				fortyWith(data, reader));
		TestHttp http = reader.signIn(this.port);

		int first = count(() -> assertThat(http.page("/announcements/" + alone).statusCode()).isEqualTo(200));
		int second = count(() -> assertThat(http.page("/announcements/" + shared).statusCode()).isEqualTo(200));

		assertThat(second).isEqualTo(first);
		assertThat(first).isPositive().isLessThanOrEqualTo(12);
	}

	@Test
	void theChannelPageRunsAsManyStatementsForFivePostsAsForForty() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		int few = statementsForChannelWith(data, author, 5);
		int many = statementsForChannelWith(data, author, 40);
		assertThat(many).isEqualTo(few);
		assertThat(few).isPositive().isLessThanOrEqualTo(9);
	}

	@Test
	void theInboxRunsAsManyStatementsForFiveNotificationsAsForForty() {
		Announcing data = new Announcing(this.jdbc);
		int few = statementsForInboxWith(data, 5);
		int many = statementsForInboxWith(data, 40);
		assertThat(many).isEqualTo(few);
		assertThat(few).isPositive().isLessThanOrEqualTo(7);
	}

	@Test
	void acknowledgingAnUnreadPostFromTheFeedRunsAFixedSmallNumberOfStatements() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		Channel channel = data.topic("Counted acknowledgements");
		Person reader = data.person("Reader");
		Instant now = Instant.now();
		long alone = data.publish(new Post(channel, author, "Acknowledge alone", null, "Body", "IMPORTANT",
				now.minusSeconds(60), null, true, now.plus(Duration.ofDays(3))), reader);
		long shared = data.publish(new Post(channel, author, "Acknowledge with forty", null, "Body", "IMPORTANT",
				now.minusSeconds(30), null, true, now.plus(Duration.ofDays(3))), fortyWith(data, reader));
		this.jdbc.update("insert into delivery_counts (announcement_id, department_id, location_id, shard, delivered, "
				+ "read_count, acknowledged, acknowledged_on_time) select announcement_id, 0, 0, mod(employee_id, 8), "
				+ "count(*), 0, 0, 0 from deliveries where announcement_id in (?, ?) "
				+ "group by announcement_id, mod(employee_id, 8)", alone, shared);
		TestHttp http = reader.signIn(this.port);
		String token = TestHttp.csrfToken(http.page("/feed").body());

		int first = count(() -> assertThat(http
			.postForm("/announcements/" + alone + "/ack", Map.of("_csrf", token, "revision", "1", "returnTo", "/feed"))
			.statusCode()).isEqualTo(302));
		int second = count(() -> assertThat(http
			.postForm("/announcements/" + shared + "/ack", Map.of("_csrf", token, "revision", "1", "returnTo", "/feed"))
			.statusCode()).isEqualTo(302));

		assertThat(second).isEqualTo(first);
		assertThat(first).isPositive().isLessThanOrEqualTo(10);
		assertThat(this.jdbc.queryForObject(
				"select sum(read_count) + sum(acknowledged) from delivery_counts " + "where announcement_id in (?, ?)",
				Long.class, alone, shared))
			.isEqualTo(4);
	}

	private int statementsForChannelWith(Announcing data, Person author, int posts) {
		Channel channel = data.topic("Counted channel");
		Person reader = data.person("Reader");
		Instant now = Instant.now();
		for (int i = 0; i < posts; i++) {
			data.publish(channel, author, "Post " + i, now.minus(Duration.ofMinutes(i + 1)), reader);
		}
		TestHttp http = reader.signIn(this.port);
		return count(() -> assertThat(http.page("/channels/" + channel.slug()).statusCode()).isEqualTo(200));
	}

	private int statementsForInboxWith(Announcing data, int notifications) {
		Person reader = data.person("Inbox");
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < notifications; i++) {
			this.jdbc.update(
					"insert into notifications (employee_id, kind, subject, link, idempotency_key, created_at) "
							+ "values (?, 'IMPORTANT_POST', ?, '/feed', ?, ?)",
					reader.employeeId(), "Notice " + i, "counted-" + reader.employeeId() + "-" + i, now);
		}
		TestHttp http = reader.signIn(this.port);
		return count(() -> assertThat(http.page("/notifications").statusCode()).isEqualTo(200));
	}

	private int statementsForFeedWith(Announcing data, Person author, int posts) {
		Channel channel = data.topic("Counted feed");
		Person reader = data.person("Reader");
		Instant now = Instant.now();
		for (int i = 0; i < posts; i++) {
			data.publish(channel, author, "Post " + i, now.minus(Duration.ofMinutes(i + 1)), reader);
		}
		TestHttp http = reader.signIn(this.port);
		int feed = count(() -> assertThat(http.page("/feed").statusCode()).isEqualTo(200));
		int filtered = count(
				() -> assertThat(http.page("/feed?channel=" + channel.slug()).statusCode()).isEqualTo(200));
		assertThat(filtered).isEqualTo(feed);
		return feed;
	}

	// The reader and 39 others.
	private static Person[] fortyWith(Announcing data, Person reader) {
		Person[] crowd = new Person[40];
		crowd[0] = reader;
		for (int i = 1; i < crowd.length; i++) {
			crowd[i] = data.person("Crowd");
		}
		return crowd;
	}

	private static int count(Runnable request) {
		return StatementCounter.count(StatementCounter.REQUEST_THREADS, request);
	}

}
