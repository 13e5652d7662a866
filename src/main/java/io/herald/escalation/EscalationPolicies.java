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
import io.herald.shared.InvalidChange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminder and escalation policies: a default per priority, and per-channel overrides
 * that start as a copy of the default. Administrators read and change them; every change
 * is audited in its transaction. The sweep reads them all at once.
 */
@Service
public class EscalationPolicies {

	static final String ADMIN = "hasRole('ADMIN')";

	private static final String STEPS = "select s.policy_id, s.code, s.anchor, s.offset_minutes, s.action, s.medium "
			+ "from escalation_policy_steps s ";

	private final JdbcTemplate jdbc;

	private final Channels channels;

	private final AuditLog audit;

	private final Clock clock;

	EscalationPolicies(JdbcTemplate jdbc, Channels channels, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The defaults in priority order, then the overrides by channel name and priority.
	 */
	@PreAuthorize(ADMIN)
	@Transactional(readOnly = true)
	public List<PolicyView> all() {
		List<PolicyRow> rows = this.jdbc
			.query("select id, priority, channel_id, version, updated_at from escalation_policies", PolicyRow::of);
		Map<Long, List<PolicyStep>> steps = stepsByPolicy(STEPS + "order by s.policy_id, s.step_order");
		Map<Long, ChannelView> channels = this.channels
			.byId(rows.stream().map(PolicyRow::channelId).filter((id) -> id != null).toList());
		return rows.stream()
			.map((row) -> row.toView(steps.getOrDefault(row.id(), List.of()), channels))
			.sorted(Comparator.comparing((PolicyView view) -> !view.isDefault())
				.thenComparing((view) -> (view.channelName() != null) ? view.channelName() : "")
				.thenComparing(PolicyView::priority))
			.toList();
	}

	@PreAuthorize(ADMIN)
	@Transactional(readOnly = true)
	public Optional<PolicyView> find(long id) {
		return this.jdbc
			.query("select id, priority, channel_id, version, updated_at from escalation_policies where id = ?",
					PolicyRow::of, id)
			.stream()
			.findFirst()
			.map((row) -> row.toView(
					stepsByPolicy(STEPS + "where s.policy_id = ? order by s.step_order", id).getOrDefault(id,
							List.of()),
					(row.channelId() != null) ? this.channels.byId(List.of(row.channelId())) : Map.of()));
	}

	/**
	 * Replaces a policy's steps.
	 * @throws InvalidChange naming each field that makes no sense, or when someone else
	 * changed the policy since the administrator opened it
	 */
	@PreAuthorize(ADMIN)
	@Transactional
	public void change(PolicyChange change) {
		PolicyView policy = find(change.policyId()).orElseThrow(() -> new PolicyNotFound(change.policyId()));
		InvalidChange.refuseIfAny(PolicyRules.problems(change.steps()));
		List<PolicyStep> steps = PolicyRules.steps(change.steps(), policy.steps());
		int updated = this.jdbc.update(
				"update escalation_policies set version = version + 1, updated_at = ? where id = ? and version = ?",
				Timestamp.from(this.clock.instant()), policy.id(), change.version());
		if (updated == 0) {
			throw new InvalidChange(null, "policies.concurrent");
		}
		this.jdbc.update("delete from escalation_policy_steps where policy_id = ?", policy.id());
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
	@PreAuthorize(ADMIN)
	@Transactional
	public long createOverride(long channelId, Priority priority) {
		if (priority == null) {
			throw new InvalidChange("priority", "policies.override.priorityRequired");
		}
		ChannelView channel = this.channels.find(channelId)
			.orElseThrow(() -> new InvalidChange("channelId", "policies.override.channelRequired"));
		int created = this.jdbc.update(
				"insert into escalation_policies (priority, channel_id, channel_key, updated_at) "
						+ "values (?, ?, ?, ?) on conflict do nothing",
				priority.name(), channelId, channelId, Timestamp.from(this.clock.instant()));
		if (created == 0) {
			throw new InvalidChange("channelId", "policies.override.exists");
		}
		long id = this.jdbc.queryForObject("select id from escalation_policies where priority = ? and channel_key = ?",
				Long.class, priority.name(), channelId);
		this.jdbc.update("insert into escalation_policy_steps (policy_id, step_order, code, anchor, offset_minutes, "
				+ "action, medium) select ?, s.step_order, s.code, s.anchor, s.offset_minutes, s.action, s.medium "
				+ "from escalation_policy_steps s join escalation_policies p on p.id = s.policy_id "
				+ "where p.priority = ? and p.channel_key = 0", id, priority.name());
		this.audit.record("escalation.policy.overridden", "escalation_policy", id,
				priority + " for channel " + channel.slug() + " (copy of the default)");
		return id;
	}

	/**
	 * Removes a channel's override: the priority's default applies again.
	 * @throws InvalidChange for a default, which cannot be removed
	 */
	@PreAuthorize(ADMIN)
	@Transactional
	public void removeOverride(long id) {
		PolicyView policy = find(id).orElseThrow(() -> new PolicyNotFound(id));
		if (policy.isDefault()) {
			throw new InvalidChange(null, "policies.default.notRemovable");
		}
		this.jdbc.update("delete from escalation_policies where id = ?", id);
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
		this.jdbc.query("select id, priority, channel_key from escalation_policies", (rs) -> {
			keys.put(rs.getLong(1), new PolicyBook.Key(Priority.valueOf(rs.getString(2)), rs.getLong(3)));
		});
		Map<PolicyBook.Key, List<PolicyStep>> steps = new HashMap<>();
		stepsByPolicy(STEPS + "order by s.policy_id, s.step_order").forEach((policyId, list) -> {
			PolicyBook.Key key = keys.get(policyId);
			if (key != null) {
				steps.put(key, list);
			}
		});
		keys.values().forEach((key) -> steps.putIfAbsent(key, List.of()));
		return new PolicyBook(Map.copyOf(steps));
	}

	private void insertSteps(long policyId, List<PolicyStep> steps) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			PolicyStep step = steps.get(i);
			rows.add(new Object[] { policyId, i + 1, step.code(), step.anchor().name(), step.offsetMinutes(),
					step.action().name(), step.medium().name() });
		}
		this.jdbc.batchUpdate("insert into escalation_policy_steps (policy_id, step_order, code, anchor, "
				+ "offset_minutes, action, medium) values (?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private Map<Long, List<PolicyStep>> stepsByPolicy(String sql, Object... arguments) {
		Map<Long, List<PolicyStep>> steps = new LinkedHashMap<>();
		this.jdbc.query(sql, (rs) -> {
			steps.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new PolicyStep(rs.getString(2), StepAnchor.valueOf(rs.getString(3)), rs.getInt(4),
						StepAction.valueOf(rs.getString(5)), StepMedium.valueOf(rs.getString(6))));
		}, arguments);
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
