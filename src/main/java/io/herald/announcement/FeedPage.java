package io.herald.announcement;

import java.util.List;

/**
 * A page of the feed and the cursor for the next one ({@code null} on the last page).
 */
public record FeedPage(List<FeedItem> items, String next) {

}
