package io.herald.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Response;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.XssPayloads;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements full of classic XSS payloads, in title, summary and body, delivered to a
 * reader: in a real Chromium nothing runs on the feed or on any post page, and the served
 * HTML holds no script of its own making, no event handler and no script URL.
 */
class AnnouncementXssJourneyTests extends BrowserJourney {

	@Test
	void noPayloadRunsInTheFeedOrOnAnyPostPage() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		Person reader = data.person("Reader");
		Channel channel = data.topic("Xss corpus");
		List<String> payloads = XssPayloads.load();
		assertThat(payloads).hasSizeGreaterThanOrEqualTo(50);
		Instant now = Instant.now();
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			String payload = payloads.get(i);
			// The newest one is critical and unacknowledged, so its title fills
			// the banner on every page.
			boolean last = i == payloads.size() - 1;
			String priority = last ? "CRITICAL" : (i % 3 == 0) ? "IMPORTANT" : "INFO";
			boolean ack = last || i % 4 == 0;
			posts.add(data.publish(new Post(channel, author, cut(payload, 200), cut(payload, 500), payload, priority,
					now.minus(Duration.ofMinutes(payloads.size() - i)), (i == 1) ? now.plus(Duration.ofDays(1)) : null,
					ack, ack ? now.minus(Duration.ofMinutes(1)) : null), reader));
		}
		List<String> dialogs = new CopyOnWriteArrayList<>();
		this.page.onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		signIn(reader.email());

		Set<Long> seen = new LinkedHashSet<>();
		String path = "/feed?channel=" + channel.slug();
		while (path != null) {
			Document feed = visit(path, dialogs);
			for (Element article : feed.select("article[data-announcement-id]")) {
				assertThat(XssPayloads.dangersIn(withoutAcknowledgeForms(article))).as(path).isEmpty();
				seen.add(Long.parseLong(article.attr("data-announcement-id")));
			}
			Element older = feed.selectFirst("a[data-feed-older]");
			path = (older != null) ? older.attr("href") : null;
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(posts);
		visit("/", dialogs);

		for (long id : posts) {
			Document post = visit("/announcements/" + id, dialogs);
			Element content = post.selectFirst("article.herald-post");
			assertThat(content).as("post %d", id).isNotNull();
			assertThat(XssPayloads.dangersIn(withoutAcknowledgeForms(content))).as("post %d", id).isEmpty();
		}
	}

	/**
	 * Opens a page, checks nothing ran and the served HTML is clean, and returns it.
	 */
	private Document visit(String path, List<String> dialogs) {
		// Navigation waits for the load event, which comes after every image
		// has loaded or failed: an onerror payload would have run by then.
		Response response = open(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(dialogs).as("dialogs opened on %s", path).isEmpty();
		assertThat(this.page.evaluate("() => typeof window.__xss")).as("window.__xss on %s", path)
			.isEqualTo("undefined");
		Document html = Jsoup.parse(response.text());
		for (Element script : html.select("script")) {
			assertThat(script.attr("src")).as("script on %s: %s", path, script.outerHtml()).matches("/(webjars|js)/.+");
			assertThat(script.data()).as("inline script on %s", path).isBlank();
		}
		for (Element element : html.getAllElements()) {
			element.attributes()
				.forEach((attribute) -> assertThat(attribute.getKey().toLowerCase())
					.as("attribute on <%s> on %s", element.normalName(), path)
					.doesNotStartWith("on"));
		}
		Element main = html.selectFirst("main");
		assertThat(main).as(path).isNotNull();
		for (Element link : main.select("[href], [src], [action]")) {
			for (String attribute : List.of("href", "src", "action")) {
				assertThat(link.attr(attribute).replaceAll("[\\x00-\\x20]", "").toLowerCase())
					.as("%s on %s", attribute, path)
					.doesNotStartWith("javascript:")
					.doesNotStartWith("vbscript:")
					.doesNotStartWith("data:");
			}
		}
		Element banner = html.selectFirst("[data-critical-banner]");
		if (banner != null) {
			assertThat(XssPayloads.dangersIn(withoutAcknowledgeForms(banner))).as("banner on %s", path).isEmpty();
		}
		return html;
	}

	/**
	 * The content without Herald's own acknowledge buttons (a form posting to
	 * {@code /announcements/{id}/ack}): every other form is still a danger.
	 */
	private static Element withoutAcknowledgeForms(Element content) {
		Element copy = content.clone();
		for (Element form : copy.select("form[data-ack-form]")) {
			if (form.attr("action").matches("/announcements/\\d+/ack")) {
				form.remove();
			}
		}
		return copy;
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
