package io.herald.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sweep's read of one batch of a post's recipients: people still to acknowledge the
 * current revision, active, with at least one step whose time has come (quiet hours
 * included) and that is not recorded yet, after a keyset position, with which steps are
 * recorded. It selects exactly the people {@link EscalationRules} has something for, so a
 * person whose steps are all done, or all waiting, is not read again and again. One
 * statement; step times are compared as "anchor ≤ now − offset", so the arithmetic stays
 * in Java and the SQL stays portable.
 */
final class CandidateQuery {

	static final String DONE = "exists (select 1 from escalation_steps_done s where s.announcement_id = "
			+ "d.announcement_id and s.employee_id = d.employee_id and s.revision = ? and s.step_code = ?)";

	/**
	 * Zones in quiet hours now, all since the same instant: steps that fell due there
	 * since then wait.
	 */
	record Quiet(Instant since, List<String> zones) {

	}

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> arguments = new ArrayList<>();

	private CandidateQuery() {
	}

	static CandidateQuery of(SweepPost post, List<PolicyStep> steps, List<Quiet> quiet, Instant now, long after,
			int limit) {
		CandidateQuery query = new CandidateQuery();
		query.sql.append("select d.employee_id, d.delivered_at, d.ack_due_at, e.time_zone, e.manager_id");
		for (int i = 0; i < steps.size(); i++) {
			query.sql.append(", case when ").append(DONE).append(" then 1 else 0 end as done_").append(i);
			query.arguments.add(post.revision());
			query.arguments.add(steps.get(i).code());
		}
		query.sql.append(" from deliveries d join employees e on e.id = d.employee_id ")
			.append("where d.announcement_id = ? and d.employee_id > ? and e.active = true ")
			.append("and (d.acknowledged_at is null or d.acknowledged_revision is null ")
			.append("or d.acknowledged_revision < ?) and (");
		query.arguments.add(post.id());
		query.arguments.add(after);
		query.arguments.add(post.revision());
		for (int i = 0; i < steps.size(); i++) {
			query.sql.append((i > 0) ? " or " : "").append("(");
			query.ready(post, steps.get(i), post.critical() ? List.of() : quiet, now);
			query.sql.append(" and not ").append(DONE).append(")");
			query.arguments.add(post.revision());
			query.arguments.add(steps.get(i).code());
		}
		query.sql.append(") order by d.employee_id limit ?");
		query.arguments.add(limit);
		return query;
	}

	String sql() {
		return this.sql.toString();
	}

	Object[] arguments() {
		return this.arguments.toArray();
	}

	// The step's time has come: anchor + offset <= now, and not inside the quiet
	// hours of the person's zone.
	private void ready(SweepPost post, PolicyStep step, List<Quiet> quiet, Instant now) {
		this.sql.append("(");
		anchor(post, step);
		this.sql.append(" <= ?");
		this.arguments.add(minusOffset(now, step));
		for (int g = 0; g < quiet.size(); g++) {
			Quiet group = quiet.get(g);
			this.sql.append((g == 0) ? " and not (" : " or ")
				.append("(e.time_zone in (")
				.append(String.join(", ", Collections.nCopies(group.zones().size(), "?")))
				.append(") and ");
			this.arguments.addAll(group.zones());
			anchor(post, step);
			this.sql.append(" >= ?)");
			this.arguments.add(minusOffset(group.since(), step));
		}
		this.sql.append(quiet.isEmpty() ? ")" : "))");
	}

	// When the person was asked, or their deadline. A post without a due time gives
	// late joiners none either, and a null is never <= anything.
	private void anchor(SweepPost post, PolicyStep step) {
		if (step.anchor() == StepAnchor.PUBLISHED) {
			this.sql.append("greatest(d.delivered_at, cast(? as timestamp with time zone))");
			this.arguments.add(Timestamp.from(post.askedFrom()));
		}
		else if (post.ackDueAt() != null) {
			this.sql.append("coalesce(d.ack_due_at, cast(? as timestamp with time zone))");
			this.arguments.add(Timestamp.from(post.ackDueAt()));
		}
		else {
			this.sql.append("d.ack_due_at");
		}
	}

	private static Timestamp minusOffset(Instant instant, PolicyStep step) {
		return Timestamp.from(instant.minusSeconds(60L * step.offsetMinutes()));
	}

}
