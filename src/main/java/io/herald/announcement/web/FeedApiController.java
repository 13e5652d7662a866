package io.herald.announcement.web;

import java.time.Instant;
import java.util.List;

import io.herald.announcement.Feed;
import io.herald.announcement.FeedItem;
import io.herald.announcement.FeedPage;
import io.herald.announcement.Priority;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's feed for API clients, in the feed's order (pinned, unread, read; newest
 * first in each), a page at a time: pass the {@code next} of one page as the
 * {@code cursor} of the following one; {@code next} is {@code null} on the last page.
 * {@code size} is 20 unless given, at most {@link Feed#MAX_PAGE}. Listing records no
 * reads.
 */
@RestController
@RequestMapping("/api/v1/feed")
class FeedApiController {

	static final int DEFAULT_SIZE = 20;

	private final Feed feed;

	FeedApiController(Feed feed) {
		this.feed = feed;
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
	ItemPage page(@RequestParam(required = false) String cursor, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
		String after = (cursor != null && !cursor.isBlank()) ? cursor.strip() : null;
		if (after != null && !Feed.isCursor(after)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cursor is not one this API gave out");
		}
		if (size < 1 || size > Feed.MAX_PAGE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + Feed.MAX_PAGE);
		}
		FeedPage page = this.feed.page(channel, after, size);
		return new ItemPage(page.items().stream().map(Item::of).toList(), page.next());
	}

}
