package io.herald.channel;

import java.util.List;

/**
 * What a communications manager enters for a channel. {@code id} is {@code null} for a
 * new channel; owners and publishers are e-mail addresses from the directory.
 */
public record ChannelDetails(Long id, long version, String slug, String name, String description, ChannelKind kind,
		Long departmentId, Long locationId, boolean mandatory, boolean requiresReview, List<String> ownerEmails,
		List<String> publisherEmails) {

}
