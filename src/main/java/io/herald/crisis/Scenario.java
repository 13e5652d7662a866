package io.herald.crisis;

/**
 * What a plan is for.
 */
public enum Scenario {

	FIRE_EVACUATION, IT_OUTAGE, COMMUNICATIONS_OUTAGE, DATA_BREACH, SEVERE_WEATHER, PANDEMIC, WORKPLACE_VIOLENCE, OTHER

}
