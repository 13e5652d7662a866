package io.herald.crisis;

import java.time.Instant;

/**
 * An incident's row and its scope, as the commands, the roster and the response read it.
 */
record StoredIncident(long planId, int planRevision, String title, boolean everyone, boolean drill,
		IncidentStatus status, long openedBy, Instant openedAt, Long resolvedBy, Instant resolvedAt,
		Long announcementId, int recipients, IncidentScope scope) {

	StoredIncident withScope(IncidentScope scope) {
		return new StoredIncident(this.planId, this.planRevision, this.title, this.everyone, this.drill, this.status,
				this.openedBy, this.openedAt, this.resolvedBy, this.resolvedAt, this.announcementId, this.recipients,
				scope);
	}

}
