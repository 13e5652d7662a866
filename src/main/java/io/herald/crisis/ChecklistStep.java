package io.herald.crisis;

/**
 * One step of a plan's procedure checklist and the role responsible for it.
 */
public record ChecklistStep(String description, TeamRole role) {

}
