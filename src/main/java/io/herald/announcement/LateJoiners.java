package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.herald.channel.ChannelSubscribed;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.EmployeesMoved;
import io.herald.directory.EmployeesReturned;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who join an audience after a post went out (new hires, transfers, people who
 * come back, new subscribers) receive the still-active posts of that audience that
 * require acknowledgement, so policy sign-offs reach them. Runs in the transaction that
 * changed the directory; idempotent, so a repeated event delivers nothing twice.
 */
@Component
class LateJoiners {

	// Large imports arrive as one event: keep each statement's id list bounded.
	private static final int CHUNK = 1000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LateJoiners(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(EmployeesJoined joined) {
		deliver(joined.employeeIds());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(EmployeesReturned returned) {
		deliver(returned.employeeIds());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(EmployeesMoved moved) {
		deliver(moved.employeeIds());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ChannelSubscribed subscribed) {
		deliver(List.of(subscribed.employeeId()));
	}

	/**
	 * Delivers to these people every published, unexpired post needing acknowledgement
	 * whose audience they are now in and that they do not have yet; returns how many
	 * deliveries were added.
	 */
	int deliver(List<Long> employeeIds) {
		int delivered = 0;
		Timestamp now = Timestamp.from(this.clock.instant());
		for (int from = 0; from < employeeIds.size(); from += CHUNK) {
			List<Long> chunk = employeeIds.subList(from, Math.min(from + CHUNK, employeeIds.size()));
			String sql = "insert into deliveries (announcement_id, employee_id, published_at, delivered_at, late_joiner) "
					+ "select a.id, e.id, a.published_at, ?, true "
					+ "from announcements a join channels c on c.id = a.channel_id cross join employees e "
					+ "where e.id in (" + AudienceSql.placeholders(chunk.size()) + ") "
					+ "and a.status = 'PUBLISHED' and a.ack_required = true "
					+ "and (a.expires_at is null or a.expires_at > ?) and " + AudienceSql.OF_ANNOUNCEMENT
					+ " and not exists (select 1 from deliveries d where d.announcement_id = a.id and d.employee_id = e.id)";
			Object[] arguments = new Object[chunk.size() + 2];
			arguments[0] = now;
			for (int i = 0; i < chunk.size(); i++) {
				arguments[i + 1] = chunk.get(i);
			}
			arguments[chunk.size() + 1] = now;
			delivered += this.jdbc.update(sql, arguments);
		}
		return delivered;
	}

}
