package io.herald.announcement;

import java.util.Set;

/**
 * A post the system sends on its own channel without review (a crisis alert, an
 * all-clear), narrowed like any post by departments and locations (both given: people in
 * both). {@code checkInPath}, when given, is where recipients check in instead of
 * acknowledging.
 */
public record SystemAlert(String title, String body, Priority priority, boolean ackRequired, Set<Long> departmentIds,
		Set<Long> locationIds, String checkInPath) {

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
