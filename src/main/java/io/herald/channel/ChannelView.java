package io.herald.channel;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;

/**
 * A channel as other modules and pages see it. {@code members} maps employee ids to what
 * they may do in the channel.
 */
@NamedInterface("api")
public record ChannelView(long id, String slug, String name, String description, ChannelKind kind, Long departmentId,
		Long locationId, boolean mandatory, boolean requiresReview, boolean archived, Map<Long, ChannelRole> members,
		long version) {

	public boolean isOwner(long employeeId) {
		return this.members.get(employeeId) == ChannelRole.OWNER;
	}

	public boolean mayPost(long employeeId) {
		return this.members.containsKey(employeeId);
	}

	public Set<Long> owners() {
		return ids(ChannelRole.OWNER);
	}

	public Set<Long> publishers() {
		return ids(ChannelRole.PUBLISHER);
	}

	private Set<Long> ids(ChannelRole role) {
		return this.members.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == role)
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

}
