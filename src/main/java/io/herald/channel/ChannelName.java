package io.herald.channel;

/**
 * A channel as a name to show: no description, no members (the dashboards' filters and
 * channel map).
 */
public record ChannelName(long id, String slug, String name, ChannelKind kind, boolean archived) {

}
