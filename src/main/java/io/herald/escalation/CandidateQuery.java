package io.herald.escalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sweep's read of one batch of a post's recipients, after a keyset position: people
 * active and still to acknowledge the current revision, among the late joiners (each has
 * times of their own) and the recipients in {@link Reach}. One index range over the
 * post's deliveries and no subqueries, so its plan does not depend on how big the table
 * of recorded steps has grown; the recorded steps of the batch are read separately, by
 * range.
 */
final class CandidateQuery {

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> arguments = new ArrayList<>();

	private CandidateQuery() {
	}

	static CandidateQuery of(SweepPost post, Reach reach, long after, int limit) {
		CandidateQuery query = new CandidateQuery();
		query.sql.append("select d.employee_id, d.delivered_at, d.ack_due_at, e.time_zone, e.manager_id ")
			.append("from deliveries d join employees e on e.id = d.employee_id ")
			.append("where d.announcement_id = ? and d.employee_id > ? and e.active = true ")
			.append("and (d.acknowledged_at is null or d.acknowledged_revision is null ")
			.append("or d.acknowledged_revision < ?)");
		query.arguments.add(post.id());
		query.arguments.add(after);
		query.arguments.add(post.revision());
		if (!reach.everyone()) {
			query.sql.append(" and (d.late_joiner = true");
			if (!reach.zones().isEmpty()) {
				query.sql.append(" or e.time_zone in (")
					.append(String.join(", ", Collections.nCopies(reach.zones().size(), "?")))
					.append(")");
				query.arguments.addAll(reach.zones());
			}
			query.sql.append(")");
		}
		query.sql.append(" order by d.employee_id limit ?");
		query.arguments.add(limit);
		return query;
	}

	String sql() {
		return this.sql.toString();
	}

	Object[] arguments() {
		return this.arguments.toArray();
	}

}
