package io.herald.channel;

/**
 * What a named person may do in a channel beyond reading it: owners manage it and post,
 * publishers post.
 */
public enum ChannelRole {

	OWNER, PUBLISHER

}
