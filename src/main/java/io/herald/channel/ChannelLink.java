package io.herald.channel;

/**
 * A channel as a link or a choice in a list: its slug and its name.
 */
public record ChannelLink(String slug, String name) {

}
