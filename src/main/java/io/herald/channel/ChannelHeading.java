package io.herald.channel;

import org.springframework.modulith.NamedInterface;

/**
 * A channel as the head of its page shows it to one person: what it is, and whether its
 * posts reach that person (before any narrowing of a post).
 */
@NamedInterface("api")
public record ChannelHeading(String slug, String name, String description, ChannelKind kind, boolean mandatory,
		boolean archived, boolean reachesCaller) {

}
