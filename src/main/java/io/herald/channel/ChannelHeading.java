package io.herald.channel;

/**
 * A channel as the head of its page shows it to one person: what it is, and whether its
 * posts reach that person (before any narrowing of a post).
 */
public record ChannelHeading(String slug, String name, String description, ChannelKind kind, boolean mandatory,
		boolean archived, boolean reachesCaller) {

}
