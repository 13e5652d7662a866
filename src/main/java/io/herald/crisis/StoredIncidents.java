package io.herald.crisis;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an incident's row and scope: two statements, for the commands, the roster and the
 * response alike.
 */
@Component
class StoredIncidents {

	private final JdbcClient sql;

	StoredIncidents(JdbcClient sql) {
		this.sql = sql;
	}

	/**
	 * @throws IncidentNotFound when there is no such incident
	 */
	StoredIncident get(long incidentId) {
		StoredIncident incident = this.sql.sql("""
				select plan_id, plan_revision, title, everyone, drill, status, opened_by, opened_at,
				       resolved_by, resolved_at, announcement_id, recipients
				from crisis_incidents
				where id = :id
				""")
			.param("id", incidentId)
			.query((rs, n) -> new StoredIncident(rs.getLong("plan_id"), rs.getInt("plan_revision"),
					rs.getString("title"), rs.getBoolean("everyone"), rs.getBoolean("drill"),
					IncidentStatus.valueOf(rs.getString("status")), rs.getLong("opened_by"),
					rs.getTimestamp("opened_at").toInstant(), rs.getObject("resolved_by", Long.class),
					instant(rs.getTimestamp("resolved_at")), rs.getObject("announcement_id", Long.class),
					rs.getInt("recipients"), null))
			.optional()
			.orElseThrow(() -> new IncidentNotFound(incidentId));
		Set<Long> locations = new TreeSet<>();
		Set<Long> departments = new TreeSet<>();
		this.sql.sql("select kind, target_id from crisis_incident_scope where incident_id = :incident")
			.param("incident", incidentId)
			.query((rs) -> {
				("LOCATION".equals(rs.getString("kind")) ? locations : departments).add(rs.getLong("target_id"));
			});
		return incident.withScope(new IncidentScope(incident.everyone(), locations, departments));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
