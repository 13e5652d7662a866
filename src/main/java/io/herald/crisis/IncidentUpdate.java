package io.herald.crisis;

/**
 * An update to an incident's scope: as the form opens (the plan's UPDATE template with
 * its placeholders filled) and as the manager sends it.
 */
public record IncidentUpdate(String title, String body) {

}
