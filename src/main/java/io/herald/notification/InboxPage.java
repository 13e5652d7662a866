package io.herald.notification;

import java.util.List;

/**
 * A page of the inbox, newest first, and the cursor for the next one ({@code null} on the
 * last page).
 */
public record InboxPage(List<InboxEntry> entries, String next) {

}
