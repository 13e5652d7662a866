package io.herald.channel;

/**
 * Whom a channel reaches: everyone, the people of one department or location, or (topic)
 * its subscribers, or everyone when the topic is mandatory.
 */
public enum ChannelKind {

	COMPANY, DEPARTMENT, LOCATION, TOPIC

}
