package io.herald.announcement;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * A post the system sends on its own channel without review (a crisis alert, an
 * all-clear), narrowed like any post by departments and locations (both given: people in
 * both). {@code checkInPath}, when given, is where recipients check in instead of
 * acknowledging. A {@code pinned} post stays on top of its recipients' feeds until it is
 * ended ({@link CrisisAlerts#expireSystemAlert}); a {@code drill} post is an exercise,
 * which the content calendar does not count as a post people had to take in.
 */
@NamedInterface("api")
public record SystemAlert(String title, String body, Priority priority, boolean ackRequired, Set<Long> departmentIds,
		Set<Long> locationIds, String checkInPath, boolean pinned, boolean drill) {

	public SystemAlert {
		departmentIds = (departmentIds != null) ? Set.copyOf(departmentIds) : Set.of();
		locationIds = (locationIds != null) ? Set.copyOf(locationIds) : Set.of();
	}

	/**
	 * The published post and how many people it reached.
	 */
	public record Published(long id, int recipients) {

	}

}
