package io.herald.crisis;

/**
 * Who holds a role on the response team, and their deputy ({@code null} for none).
 */
public record TeamMember(TeamRole role, Person person, Person deputy) {

}
