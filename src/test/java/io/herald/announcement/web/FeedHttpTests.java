package io.herald.announcement.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
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
 * The feed and the post page over HTTP: each person sees their own deliveries in feed
 * order, pages through them by cursor, filters by channel; opening a post records the
 * first read once; nobody outside the audience can tell a post exists, HR reads without
 * leaving a read behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedHttpTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	Announcing data;

	Instant now;

	@BeforeEach
	void setUp() {
		this.data = new Announcing(this.jdbc);
		this.now = Instant.now();
	}

	@Test
	void feedShowsOnlyTheCallersDeliveriesPinnedThenUnreadThenReadNewestFirst() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Person other = this.data.person("Other");
		Channel channel = this.data.topic("Ordering");
		long oldRead = this.data.publish(channel, author, "Old and read", hoursAgo(5), reader);
		long oldUnread = this.data.publish(channel, author, "Old and unread", hoursAgo(4), reader);
		long pinnedRead = this.data.publish(new Post(channel, author, "Pinned", null, "Pinned body", "IMPORTANT",
				hoursAgo(3), this.now.plus(Duration.ofDays(1)), false, null), reader);
		long newUnread = this.data.publish(channel, author, "New and unread", hoursAgo(2), reader);
		long notMine = this.data.publish(channel, author, "Someone else's", hoursAgo(1), other);
		this.data.markRead(oldRead, reader, hoursAgo(1));
		this.data.markRead(pinnedRead, reader, hoursAgo(1));

		TestHttp http = reader.signIn(this.port);
		Document feed = page(http, "/feed?channel=" + channel.slug());

		assertThat(ids(feed)).containsExactly(pinnedRead, newUnread, oldUnread, oldRead);
		assertThat(article(feed, pinnedRead).attr("data-read")).isEqualTo("true");
		assertThat(article(feed, newUnread).attr("data-read")).isEqualTo("false");
		assertThat(article(feed, newUnread).select("a[href=/announcements/" + newUnread + "]")).isNotEmpty();
		assertThat(article(feed, pinnedRead).select("[data-priority=IMPORTANT]").text()).isEqualTo("Important");
		assertThat(feed.select("a[data-nav=feed] [data-unread-count] .visually-hidden").text()).isEqualTo("2 unread");
		assertThat(ids(page(http, "/feed"))).contains(pinnedRead, newUnread).doesNotContain(notMine);
		assertThat(ids(page(http, "/"))).contains(pinnedRead, newUnread).doesNotContain(notMine);
	}

	@Test
	void olderLinksPageThroughTheFeedByCursorKeepingTheChannelFilter() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Channel channel = this.data.topic("Paging");
		Channel elsewhere = this.data.topic("Elsewhere");
		List<Long> published = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			published.add(0, this.data.publish(channel, author, "Post " + i, hoursAgo(100 - i), reader));
		}
		this.data.publish(elsewhere, author, "Not in this channel", hoursAgo(1), reader);

		TestHttp http = reader.signIn(this.port);
		List<Long> seen = new ArrayList<>();
		String path = "/feed?channel=" + channel.slug();
		int pages = 0;
		while (path != null) {
			Document feed = page(http, path);
			List<Long> ids = ids(feed);
			assertThat(ids).hasSizeLessThanOrEqualTo(FeedController.PAGE_SIZE);
			seen.addAll(ids);
			Element older = feed.selectFirst("a[data-feed-older]");
			path = (older != null) ? older.attr("href") : null;
			if (path != null) {
				assertThat(path).contains("channel=" + channel.slug()).contains("cursor=");
			}
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(published);
	}

	@Test
	void theChannelFilterShowsOneChannelAndOffersTheCallersChannels() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Channel first = this.data.topic("First");
		Channel second = this.data.topic("Second");
		long inFirst = this.data.publish(first, author, "In the first", hoursAgo(2), reader);
		long inSecond = this.data.publish(second, author, "In the second", hoursAgo(1), reader);
		TestHttp http = reader.signIn(this.port);
		String csrf = TestHttp.csrfToken(http.page("/channels").body());
		http.postForm("/channels/" + first.slug() + "/subscribe", Map.of("_csrf", csrf));

		Document filtered = page(http, "/feed?channel=" + first.slug());

		assertThat(ids(filtered)).containsExactly(inFirst);
		assertThat(filtered.select("form[data-feed-filter][method=get] select[name=channel] option[selected]").val())
			.isEqualTo(first.slug());
		assertThat(ids(page(http, "/feed?channel=" + second.slug()))).containsExactly(inSecond);
		assertThat(ids(page(http, "/feed?channel=no-such-channel"))).isEmpty();
		assertThat(page(http, "/feed?channel=no-such-channel").select("[data-feed-empty]")).isNotEmpty();
	}

	@Test
	void openingAPostRecordsTheFirstReadOnce() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Channel channel = this.data.topic("Reading");
		long id = this.data.publish(new Post(channel, author, "Read me", "The short of it", "Some **bold** text",
				"CRITICAL", hoursAgo(3), null, true, hoursAgo(1)), reader);
		TestHttp http = reader.signIn(this.port);

		HttpResponse<String> first = http.page("/announcements/" + id);
		assertThat(first.statusCode()).isEqualTo(200);
		Document post = Jsoup.parse(first.body());
		assertThat(post.select("h1").text()).isEqualTo("Read me");
		assertThat(post.select("[data-field=body] strong").text()).isEqualTo("bold");
		assertThat(post.select("[data-ack-state=overdue]")).isNotEmpty();
		assertThat(post.select("[data-notice=manager-view]")).isEmpty();
		assertThat(post.select("a[data-nav=feed] [data-unread-count]")).as("nothing unread after opening").isEmpty();
		Instant firstRead = this.data.readAt(id, reader);
		assertThat(firstRead).isNotNull();

		assertThat(http.page("/announcements/" + id).statusCode()).isEqualTo(200);
		assertThat(this.data.readAt(id, reader)).isEqualTo(firstRead);
		assertThat(article(page(http, "/feed?channel=" + channel.slug()), id).attr("data-read")).isEqualTo("true");
	}

	@Test
	void someoneOutsideTheAudienceGetsTheSame404ForAnExistingAndAMissingPost() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Person outsider = this.data.person("Outsider");
		Channel channel = this.data.topic("Private");
		long id = this.data.publish(channel, author, "Not for outsiders", hoursAgo(1), reader);
		TestHttp http = outsider.signIn(this.port);

		HttpResponse<String> existing = http.page("/announcements/" + id);
		HttpResponse<String> missing = http.page("/announcements/" + this.data.missingId());

		assertThat(existing.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(withoutTokens(existing.body())).isEqualTo(withoutTokens(missing.body()));
		assertThat(existing.body()).doesNotContain("Not for outsiders");
		assertThat(this.data.delivered(id, outsider)).isFalse();
	}

	@Test
	void hrReadsAPostNotSentToThemWithoutARead() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Person hr = this.data.person("Hr", "HR");
		Channel channel = this.data.topic("Watched");
		long id = this.data.publish(channel, author, "Watched by HR", hoursAgo(1), reader);
		TestHttp http = hr.signIn(this.port);

		HttpResponse<String> response = http.page("/announcements/" + id);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(response.body()).select("[data-notice=manager-view]")).isNotEmpty();
		assertThat(this.data.delivered(id, hr)).isFalse();
		assertThat(this.data.readAt(id, reader)).isNull();
	}

	@Test
	void anUnacknowledgedCriticalPostFillsTheBannerOnEveryPageUntilAcknowledged() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Channel channel = this.data.topic("Alerts");
		long id = this.data.publish(new Post(channel, author, "Evacuate building B", null, "Now.", "CRITICAL",
				hoursAgo(1), null, true, this.now.plus(Duration.ofHours(1))), reader);
		TestHttp http = reader.signIn(this.port);

		for (String path : List.of("/channels", "/directory", "/feed")) {
			Element banner = page(http, path).selectFirst("[data-critical-banner]");
			assertThat(banner).as(path).isNotNull();
			assertThat(banner.text()).contains("Evacuate building B");
			assertThat(banner.select("a").attr("href")).isEqualTo("/announcements/" + id);
		}
		this.sql.sql("""
				update deliveries set acknowledged_at = :at, acknowledged_revision = 1
				where announcement_id = :announcement and employee_id = :employee""")
			.param("at", java.sql.Timestamp.from(this.now))
			.param("announcement", id)
			.param("employee", reader.employeeId())
			.update();
		assertThat(page(http, "/channels").select("[data-critical-banner]")).isEmpty();
	}

	@Test
	void anUnknownChannelPageIsNotFound() {
		Person reader = this.data.person("Reader");
		TestHttp http = reader.signIn(this.port);
		assertThat(http.page("/channels/no-such-channel-anywhere").statusCode()).isEqualTo(404);
	}

	@Test
	void aChannelPageListsTheCallersPostsInIt() {
		Person author = this.data.person("Author");
		Person reader = this.data.person("Reader");
		Person other = this.data.person("Other");
		Channel channel = this.data.topic("Shown");
		long mine = this.data.publish(channel, author, "Mine", hoursAgo(2), reader);
		long theirs = this.data.publish(channel, author, "Theirs", hoursAgo(1), other);
		TestHttp http = reader.signIn(this.port);

		Document page = page(http, "/channels/" + channel.slug());

		assertThat(page.select("h1").text()).isEqualTo(channel.name());
		assertThat(ids(page)).containsExactly(mine).doesNotContain(theirs);
	}

	private Instant hoursAgo(int hours) {
		return this.now.minus(Duration.ofHours(hours));
	}

	static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	static List<Long> ids(Document page) {
		return page.select("article[data-announcement-id]")
			.stream()
			.map((article) -> Long.parseLong(article.attr("data-announcement-id")))
			.toList();
	}

	static Element article(Document page, long id) {
		return page.selectFirst("article[data-announcement-id=" + id + "]");
	}

	// The CSRF token is masked afresh for every response.
	static String withoutTokens(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
