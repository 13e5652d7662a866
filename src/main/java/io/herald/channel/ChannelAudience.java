package io.herald.channel;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * How many active people a channel reaches now (before any post narrows it), and when the
 * channel was created.
 */
@NamedInterface("api")
public record ChannelAudience(long channelId, long people, Instant createdAt) {

}
