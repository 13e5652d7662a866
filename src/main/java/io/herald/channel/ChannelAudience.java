package io.herald.channel;

import java.time.Instant;

/**
 * How many active people a channel reaches now (before any post narrows it), and when the
 * channel was created.
 */
public record ChannelAudience(long channelId, long people, Instant createdAt) {

}
