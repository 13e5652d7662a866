package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.herald.channel.ChannelSubscribed;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.EmployeesMoved;
import io.herald.directory.EmployeesReturned;
import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
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

	// A late joiner's own deadline: the priority's window from the moment they
	// joined (parameters in CRITICAL, IMPORTANT, INFO order).
	private static final String OWN_DEADLINE = "(case a.priority when 'CRITICAL' then cast(? as timestamp with time zone) "
			+ "when 'IMPORTANT' then cast(? as timestamp with time zone) else cast(? as timestamp with time zone) end)";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	LateJoiners(JdbcTemplate jdbc, Clock clock, EntityManager entityManager, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.entityManager = entityManager;
		this.events = events;
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
		// The directory changes people through JPA: a transfer or a return may
		// still be pending in the persistence context, invisible to the SQL
		// below until flushed.
		this.entityManager.flush();
		int delivered = 0;
		Timestamp now = Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		List<Timestamp> ownDeadlines = List.of(Priority.CRITICAL, Priority.IMPORTANT, Priority.INFO)
			.stream()
			.map((priority) -> Timestamp.from(now.toInstant().plus(priority.defaultAckWindow())))
			.toList();
		for (int from = 0; from < employeeIds.size(); from += CHUNK) {
			List<Long> chunk = employeeIds.subList(from, Math.min(from + CHUNK, employeeIds.size()));
			String people = AudienceSql.placeholders(chunk.size());
			// "on conflict do nothing": a concurrent late delivery to the same
			// person (they subscribe while HR moves them) must not fail the
			// other transaction. Someone who joins after, or close to, the
			// deadline gets the priority's full window from now.
			String sql = "insert into deliveries (announcement_id, employee_id, published_at, delivered_at, late_joiner, "
					+ "department_id, location_id, ack_due_at) select a.id, e.id, a.published_at, ?, true, "
					+ "e.department_id, e.location_id, " + "case when a.ack_due_at < " + OWN_DEADLINE + " then "
					+ OWN_DEADLINE + " end "
					+ "from announcements a join channels c on c.id = a.channel_id cross join employees e "
					+ "where e.id in (" + people + ") " + "and a.status = 'PUBLISHED' and a.ack_required = true "
					+ "and (a.expires_at is null or a.expires_at > ?) and " + AudienceSql.OF_ANNOUNCEMENT
					+ " and not exists (select 1 from deliveries d where d.announcement_id = a.id and d.employee_id = e.id)"
					+ " on conflict do nothing";
			List<Object> arguments = new ArrayList<>();
			arguments.add(now);
			arguments.addAll(ownDeadlines);
			arguments.addAll(ownDeadlines);
			arguments.addAll(chunk);
			arguments.add(now);
			int added = this.jdbc.update(sql, arguments.toArray());
			if (added > 0) {
				// Keep each post's recipient count equal to its deliveries. An
				// increment, not a recount, so concurrent late joiners add up
				// under the row lock.
				String justAdded = "from deliveries d where d.late_joiner = true and d.delivered_at = ? "
						+ "and d.employee_id in (" + people + ")";
				List<Object> counting = new ArrayList<>();
				for (int twice = 0; twice < 2; twice++) {
					counting.add(now);
					counting.addAll(chunk);
				}
				this.jdbc.update("update announcements a set recipients = coalesce(a.recipients, 0) + (select count(*) "
						+ justAdded + " and d.announcement_id = a.id) where a.id in (select d.announcement_id "
						+ justAdded + ")", counting.toArray());
			}
			delivered += added;
		}
		if (delivered > 0) {
			this.events.publishEvent(new DeliveriesAdded(List.copyOf(employeeIds), now.toInstant()));
		}
		return delivered;
	}

}
