package io.herald.channel;

/**
 * Someone subscribed to a topic channel and so joined its audience. Published inside the
 * subscribing transaction.
 */
public record ChannelSubscribed(long channelId, long employeeId) {

}
