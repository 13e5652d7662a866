package io.herald.channel;

import org.springframework.modulith.NamedInterface;

/**
 * A channel as a name to show: no description, no members (the dashboards' filters and
 * channel map).
 */
@NamedInterface("api")
public record ChannelName(long id, String slug, String name, ChannelKind kind, boolean archived) {

}
