package io.herald.crisis;

/**
 * A plan on the list: what it is for, who owns it and its flags.
 */
public record PlanSummary(long id, String title, Scenario scenario, Severity severity, Person owner, int revision,
		PlanFlags flags) {

}
