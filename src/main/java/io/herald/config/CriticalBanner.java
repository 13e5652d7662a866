package io.herald.config;

/**
 * The site-wide critical banner: what it says, where it leads, and whether it offers the
 * acknowledge button for announcement {@code id} (naming the revision shown). A crisis
 * alert offers the safety check-in instead, posted to {@code checkInPath}.
 */
public record CriticalBanner(long id, String title, String link, boolean ackRequired, int revision,
		String checkInPath) {

}
