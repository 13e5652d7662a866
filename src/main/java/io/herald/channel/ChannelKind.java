package io.herald.channel;

import org.springframework.modulith.NamedInterface;

/**
 * Whom a channel reaches: everyone, the people of one department or location, or (topic)
 * its subscribers, or everyone when the topic is mandatory.
 */
@NamedInterface("api")
public enum ChannelKind {

	COMPANY, DEPARTMENT, LOCATION, TOPIC

}
