package io.herald.crisis;

/**
 * An incident just opened, and how many people its alert reached.
 */
public record OpenedIncident(long id, long announcementId, int recipients) {

}
