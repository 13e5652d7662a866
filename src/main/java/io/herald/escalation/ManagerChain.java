package io.herald.escalation;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who answers for a person: their manager if active, else the next active manager up the
 * chain. Bad data (a cycle, an absurdly deep chain) ends the search with nobody rather
 * than a loop.
 */
final class ManagerChain {

	static final int MAX_DEPTH = 20;

	/**
	 * One person's place in the chain: their own manager and whether they are active.
	 */
	record Link(Long managerId, boolean active) {

	}

	private ManagerChain() {
	}

	/**
	 * The active manager nearest above a person whose manager is {@code managerId},
	 * looking people up in {@code links}; empty when there is none.
	 */
	static Optional<Long> activeManager(long employeeId, Long managerId, Map<Long, Link> links) {
		Set<Long> visited = new HashSet<>();
		visited.add(employeeId);
		Long current = managerId;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			Link link = links.get(current);
			if (link == null || !visited.add(current)) {
				return Optional.empty();
			}
			if (link.active()) {
				return Optional.of(current);
			}
			current = link.managerId();
		}
		return Optional.empty();
	}

}
