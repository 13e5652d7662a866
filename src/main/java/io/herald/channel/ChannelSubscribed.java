package io.herald.channel;

import org.springframework.modulith.NamedInterface;

/**
 * Someone subscribed to a topic channel and so joined its audience. Published inside the
 * subscribing transaction.
 */
@NamedInterface("events")
public record ChannelSubscribed(long channelId, long employeeId) {

}
