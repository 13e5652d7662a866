package io.herald.crisis;

/**
 * What a comms manager confirms when activating a plan: the scope, the alert's words
 * (placeholders still in them are filled in on sending) and whether it is a drill.
 */
public record Activation(IncidentScope scope, String title, String body, boolean drill) {

}
