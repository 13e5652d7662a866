package io.herald.config;

/**
 * The site-wide critical banner: what it says and where it leads.
 */
public record CriticalBanner(String title, String link) {

}
