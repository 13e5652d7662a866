package io.herald.announcement.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herald.announcement.Feed;
import io.herald.announcement.FeedItem;
import io.herald.announcement.FeedPage;
import io.herald.announcement.Priority;
import io.herald.shared.InvalidChange.Problem;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's feed for API clients, in the feed's order (pinned, unread, read; newest
 * first in each), a page at a time: pass the {@code next} of one page as the
 * {@code cursor} of the following one; {@code next} is {@code null} on the last page.
 * {@code size} is 20 unless given, at most {@link Feed#MAX_PAGE}. A cursor this API did
 * not give out or a size out of range is a 400 problem naming the field. Listing records
 * no reads.
 */
@RestController
@RequestMapping("/api/v1/feed")
class FeedApiController {

	static final int DEFAULT_SIZE = 20;

	private final Feed feed;

	private final ApiProblems problems;

	FeedApiController(Feed feed, ApiProblems problems) {
		this.feed = feed;
		this.problems = problems;
	}

	/**
	 * One post of the feed; {@code channel} is the channel's slug.
	 */
	record Item(long id, String title, String summary, Priority priority, String channel, String channelName,
			Instant publishedAt, boolean pinned, boolean read, boolean acknowledged, boolean ackRequired,
			Instant ackDueAt, boolean overdue) {

		static Item of(FeedItem item) {
			return new Item(item.id(), item.title(), item.summary(), item.priority(), item.channelSlug(),
					item.channelName(), item.publishedAt(), item.pinned(), item.read(), item.acknowledged(),
					item.ackRequired(), item.ackDueAt(), item.overdue());
		}

	}

	record ItemPage(List<Item> items, String next) {

	}

	@GetMapping
	ResponseEntity<?> page(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String size) {
		String after = (cursor != null && !cursor.isBlank()) ? cursor.strip() : null;
		int pageSize = pageSize(size);
		List<Problem> problems = new ArrayList<>();
		if (after != null && !Feed.isCursor(after)) {
			problems.add(new Problem("cursor", "feed.api.cursor.invalid"));
		}
		if (pageSize < 1 || pageSize > Feed.MAX_PAGE) {
			problems.add(new Problem("size", "feed.api.size.invalid", Feed.MAX_PAGE));
		}
		if (!problems.isEmpty()) {
			return this.problems.invalidFeedRequest(problems);
		}
		FeedPage page = this.feed.page(channel, after, pageSize);
		return ResponseEntity.ok(new ItemPage(page.items().stream().map(Item::of).toList(), page.next()));
	}

	// Taken as text so that "size=ten" gets the same field error as "size=0".
	private static int pageSize(String size) {
		if (size == null || size.isBlank()) {
			return DEFAULT_SIZE;
		}
		try {
			return Integer.parseInt(size.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
