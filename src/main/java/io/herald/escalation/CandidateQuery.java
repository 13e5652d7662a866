package io.herald.escalation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The sweep's read of one batch of a post's recipients, after a keyset position: people
 * active and still to acknowledge the current revision, among the late joiners (each has
 * times of their own) and the recipients in {@link Reach}. One index range over the
 * post's deliveries and no subqueries, so its plan does not depend on how big the table
 * of recorded steps has grown; the recorded steps of the batch are read separately, by
 * range.
 */
final class CandidateQuery {

	private static final String EVERYONE = """
			select d.employee_id, d.delivered_at, d.ack_due_at, e.time_zone, e.manager_id
			from deliveries d
			join employees e on e.id = d.employee_id
			where d.announcement_id = :post and d.employee_id > :after and e.active = true
			  and (d.acknowledged_at is null or d.acknowledged_revision is null or d.acknowledged_revision < :revision)
			order by d.employee_id
			limit :limit
			""";

	// No zone reached leaves an empty array: the late joiners alone.
	private static final String LATE_JOINERS_AND_ZONES = """
			select d.employee_id, d.delivered_at, d.ack_due_at, e.time_zone, e.manager_id
			from deliveries d
			join employees e on e.id = d.employee_id
			where d.announcement_id = :post and d.employee_id > :after and e.active = true
			  and (d.acknowledged_at is null or d.acknowledged_revision is null or d.acknowledged_revision < :revision)
			  and (d.late_joiner = true or e.time_zone = any(:zones))
			order by d.employee_id
			limit :limit
			""";

	private CandidateQuery() {
	}

	static StatementSpec of(JdbcClient sql, SweepPost post, Reach reach, long after, int limit) {
		StatementSpec statement = reach.everyone() ? sql.sql(EVERYONE)
				: sql.sql(LATE_JOINERS_AND_ZONES).param("zones", reach.zones().toArray(String[]::new));
		return statement.param("post", post.id())
			.param("after", after)
			.param("revision", post.revision())
			.param("limit", limit);
	}

}
