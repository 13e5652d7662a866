package io.herald.channel;

/**
 * A channel as one person sees it in the channel list: whether its posts reach them,
 * whether they subscribed (topic channels), and whether they may post to it.
 */
public record ChannelListing(ChannelView channel, boolean reachesMe, boolean subscribed, boolean mayPost) {

	/**
	 * Whether this person can subscribe or unsubscribe themselves.
	 */
	public boolean subscribable() {
		return this.channel.kind() == ChannelKind.TOPIC && !this.channel.mandatory() && !this.channel.archived();
	}

}
