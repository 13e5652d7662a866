package io.herald.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.herald.announcement.Priority;
import io.herald.audit.AuditLog;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.shared.ForAdmins;
import io.herald.shared.InvalidChange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminder and escalation policies: a default per priority, and per-channel overrides
 * that start as a copy of the default. Administrators read and change them; every change
 * is audited in its transaction. The sweep reads them all at once.
 */
@Service
public class EscalationPolicies {

	private static final String ALL_STEPS = """
			select s.policy_id, s.code, s.anchor, s.offset_minutes, s.action, s.medium
			from escalation_policy_steps s
			order by s.policy_id, s.step_order
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final Channels channels;

	private final AuditLog audit;

	private final Clock clock;

	EscalationPolicies(NamedParameterJdbcTemplate jdbc, Channels channels, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.channels = channels;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The defaults in priority order, then the overrides by channel name and priority.
	 */
	@ForAdmins
	@Transactional(readOnly = true)
	public List<PolicyView> all() {
		List<PolicyRow> rows = this.sql
			.sql("select id, priority, channel_id, version, updated_at from escalation_policies")
			.query(PolicyRow::of)
			.list();
		Map<Long, List<PolicyStep>> steps = stepsByPolicy(this.sql.sql(ALL_STEPS));
		Map<Long, ChannelView> channels = this.channels
			.byId(rows.stream().map(PolicyRow::channelId).filter((id) -> id != null).toList());
		return rows.stream()
			.map((row) -> row.toView(steps.getOrDefault(row.id(), List.of()), channels))
			.sorted(Comparator.comparing((PolicyView view) -> !view.isDefault())
				.thenComparing((view) -> (view.channelName() != null) ? view.channelName() : "")
				.thenComparing(PolicyView::priority))
			.toList();
	}

	@ForAdmins
	@Transactional(readOnly = true)
	public Optional<PolicyView> find(long id) {
		return this.sql
			.sql("select id, priority, channel_id, version, updated_at from escalation_policies where id = :id")
			.param("id", id)
			.query(PolicyRow::of)
			.optional()
			.map((row) -> row.toView(stepsByPolicy(this.sql.sql("""
					select s.policy_id, s.code, s.anchor, s.offset_minutes, s.action, s.medium
					from escalation_policy_steps s
					where s.policy_id = :policy
					order by s.step_order
					""").param("policy", id)).getOrDefault(id, List.of()),
					(row.channelId() != null) ? this.channels.byId(List.of(row.channelId())) : Map.of()));
	}

	/**
	 * Replaces a policy's steps.
	 * @throws InvalidChange naming each field that makes no sense, or when someone else
	 * changed the policy since the administrator opened it
	 */
	@ForAdmins
	@Transactional
	public void change(PolicyChange change) {
		PolicyView policy = find(change.policyId()).orElseThrow(() -> new PolicyNotFound(change.policyId()));
		InvalidChange.refuseIfAny(PolicyRules.problems(change.steps()));
		List<PolicyStep> steps = PolicyRules.steps(change.steps(), policy.steps());
		int updated = this.sql.sql("""
				update escalation_policies set version = version + 1, updated_at = :now
				where id = :id and version = :version
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", policy.id())
			.param("version", change.version())
			.update();
		if (updated == 0) {
			throw new InvalidChange(null, "policies.concurrent");
		}
		this.sql.sql("delete from escalation_policy_steps where policy_id = :policy")
			.param("policy", policy.id())
			.update();
		insertSteps(policy.id(), steps);
		this.audit.record("escalation.policy.changed", "escalation_policy", policy.id(),
				describe(policy) + ": " + describe(policy.steps()) + " -> " + describe(steps));
	}

	/**
	 * Gives a channel its own policy for a priority, starting as a copy of the default
	 * (same step codes, so nobody gets a step again because the policy moved).
	 * @return the new policy's id
	 * @throws InvalidChange when the channel is unknown or already has one
	 */
	@ForAdmins
	@Transactional
	public long createOverride(long channelId, Priority priority) {
		if (priority == null) {
			throw new InvalidChange("priority", "policies.override.priorityRequired");
		}
		ChannelView channel = this.channels.find(channelId)
			.orElseThrow(() -> new InvalidChange("channelId", "policies.override.channelRequired"));
		int created = this.sql.sql("""
				insert into escalation_policies (priority, channel_id, channel_key, updated_at)
				values (:priority, :channel, :channel, :now)
				on conflict do nothing
				""")
			.param("priority", priority.name())
			.param("channel", channelId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (created == 0) {
			throw new InvalidChange("channelId", "policies.override.exists");
		}
		long id = this.sql
			.sql("select id from escalation_policies where priority = :priority and channel_key = :channel")
			.param("priority", priority.name())
			.param("channel", channelId)
			.query(Long.class)
			.single();
		this.sql
			.sql("""
					insert into escalation_policy_steps (policy_id, step_order, code, anchor, offset_minutes, action, medium)
					select :policy, s.step_order, s.code, s.anchor, s.offset_minutes, s.action, s.medium
					from escalation_policy_steps s
					join escalation_policies p on p.id = s.policy_id
					where p.priority = :priority and p.channel_key = 0
					""")
			.param("policy", id)
			.param("priority", priority.name())
			.update();
		this.audit.record("escalation.policy.overridden", "escalation_policy", id,
				priority + " for channel " + channel.slug() + " (copy of the default)");
		return id;
	}

	/**
	 * Removes a channel's override: the priority's default applies again.
	 * @throws InvalidChange for a default, which cannot be removed
	 */
	@ForAdmins
	@Transactional
	public void removeOverride(long id) {
		PolicyView policy = find(id).orElseThrow(() -> new PolicyNotFound(id));
		if (policy.isDefault()) {
			throw new InvalidChange(null, "policies.default.notRemovable");
		}
		this.sql.sql("delete from escalation_policies where id = :id").param("id", id).update();
		this.audit.record("escalation.policy.override.removed", "escalation_policy", id,
				describe(policy) + ": " + describe(policy.steps()));
	}

	/**
	 * Every policy's steps, for one sweep. Two statements, whatever the number of
	 * channels.
	 */
	@Transactional(readOnly = true)
	PolicyBook book() {
		Map<Long, PolicyBook.Key> keys = new HashMap<>();
		this.sql.sql("select id, priority, channel_key from escalation_policies").query((rs) -> {
			keys.put(rs.getLong("id"),
					new PolicyBook.Key(Priority.valueOf(rs.getString("priority")), rs.getLong("channel_key")));
		});
		Map<PolicyBook.Key, List<PolicyStep>> steps = new HashMap<>();
		stepsByPolicy(this.sql.sql(ALL_STEPS)).forEach((policyId, list) -> {
			PolicyBook.Key key = keys.get(policyId);
			if (key != null) {
				steps.put(key, list);
			}
		});
		keys.values().forEach((key) -> steps.putIfAbsent(key, List.of()));
		return new PolicyBook(Map.copyOf(steps));
	}

	private void insertSteps(long policyId, List<PolicyStep> steps) {
		List<SqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			PolicyStep step = steps.get(i);
			rows.add(new MapSqlParameterSource("policy", policyId).addValue("order", i + 1)
				.addValue("code", step.code())
				.addValue("anchor", step.anchor().name())
				.addValue("offset", step.offsetMinutes())
				.addValue("action", step.action().name())
				.addValue("medium", step.medium().name()));
		}
		this.jdbc.batchUpdate(
				"""
						insert into escalation_policy_steps (policy_id, step_order, code, anchor, offset_minutes, action, medium)
						values (:policy, :order, :code, :anchor, :offset, :action, :medium)
						""",
				rows.toArray(SqlParameterSource[]::new));
	}

	private static Map<Long, List<PolicyStep>> stepsByPolicy(StatementSpec statement) {
		Map<Long, List<PolicyStep>> steps = new LinkedHashMap<>();
		statement.query((rs) -> {
			steps.computeIfAbsent(rs.getLong("policy_id"), (id) -> new ArrayList<>())
				.add(new PolicyStep(rs.getString("code"), StepAnchor.valueOf(rs.getString("anchor")),
						rs.getInt("offset_minutes"), StepAction.valueOf(rs.getString("action")),
						StepMedium.valueOf(rs.getString("medium"))));
		});
		return steps;
	}

	private static String describe(PolicyView policy) {
		return policy.priority() + (policy.isDefault() ? " default" : " for channel " + policy.channelId());
	}

	private static String describe(List<PolicyStep> steps) {
		if (steps.isEmpty()) {
			return "no steps";
		}
		return steps.stream()
			.map((step) -> step.action() + " at " + step.anchor() + (step.offsetMinutes() >= 0 ? "+" : "")
					+ step.offsetMinutes() + "min by " + step.medium())
			.collect(Collectors.joining("; "));
	}

	private record PolicyRow(long id, Priority priority, Long channelId, long version, java.time.Instant updatedAt) {

		static PolicyRow of(ResultSet rs, int row) throws SQLException {
			return new PolicyRow(rs.getLong("id"), Priority.valueOf(rs.getString("priority")),
					rs.getObject("channel_id", Long.class), rs.getLong("version"),
					rs.getTimestamp("updated_at").toInstant());
		}

		PolicyView toView(List<PolicyStep> steps, Map<Long, ChannelView> channels) {
			ChannelView channel = (this.channelId != null) ? channels.get(this.channelId) : null;
			return new PolicyView(this.id, this.priority, this.channelId, (channel != null) ? channel.name() : null,
					List.copyOf(steps), this.version, this.updatedAt);
		}

	}

}
