package io.herald.crisis;

import java.time.Instant;

/**
 * A step of the checklist an incident runs (its plan revision's), and who ticked it when
 * ({@code null} while not done).
 */
public record ChecklistItem(int order, String description, TeamRole role, String doneBy, Instant doneAt) {

	public boolean done() {
		return this.doneAt != null;
	}

}
