package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.herald.channel.ChannelSubscribed;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.EmployeesMoved;
import io.herald.directory.EmployeesReturned;
import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	// A late joiner's own deadline: the priority's window from the moment they
	// joined.
	private static final String OWN_DEADLINE = """
			(case a.priority when 'CRITICAL' then cast(:critical as timestamp with time zone)
			  when 'IMPORTANT' then cast(:important as timestamp with time zone)
			  else cast(:info as timestamp with time zone) end)""";

	// "on conflict do nothing": a concurrent late delivery to the same person (they
	// subscribe while HR moves them) must not fail the other transaction. Someone who
	// joins after, or close to, the deadline gets the priority's full window from now.
	private static final String DELIVER = """
			insert into deliveries (announcement_id, employee_id, published_at, delivered_at, late_joiner,
			  department_id, location_id, ack_due_at)
			select a.id, e.id, a.published_at, :now, true, e.department_id, e.location_id,
			  case when a.ack_due_at < %1$s then %1$s end
			from announcements a join channels c on c.id = a.channel_id cross join employees e
			where e.id = any(:people) and a.status = 'PUBLISHED' and a.ack_required = true
			  and (a.expires_at is null or a.expires_at > :now) and %2$s
			  and not exists (select 1 from deliveries d where d.announcement_id = a.id and d.employee_id = e.id)
			on conflict do nothing""".formatted(OWN_DEADLINE, AudienceSql.OF_ANNOUNCEMENT);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	LateJoiners(JdbcClient jdbc, Clock clock, EntityManager entityManager, ApplicationEventPublisher events) {
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
		Timestamp now = Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		Long[] people = employeeIds.toArray(Long[]::new);
		int delivered = this.jdbc.sql(DELIVER)
			.param("now", now)
			.param("critical", ownDeadline(now, Priority.CRITICAL))
			.param("important", ownDeadline(now, Priority.IMPORTANT))
			.param("info", ownDeadline(now, Priority.INFO))
			.param("people", people)
			.update();
		if (delivered > 0) {
			// Keep each post's recipient count equal to its deliveries. An
			// increment, not a recount, so concurrent late joiners add up under
			// the row lock.
			this.jdbc.sql("""
					update announcements a set recipients = coalesce(a.recipients, 0) + (
					    select count(*) from deliveries d
					    where d.late_joiner = true and d.delivered_at = :now and d.employee_id = any(:people)
					      and d.announcement_id = a.id)
					where a.id in (
					    select d.announcement_id from deliveries d
					    where d.late_joiner = true and d.delivered_at = :now and d.employee_id = any(:people))""")
				.param("now", now)
				.param("people", people)
				.update();
			this.events.publishEvent(new DeliveriesAdded(List.copyOf(employeeIds), now.toInstant()));
		}
		return delivered;
	}

	private static Timestamp ownDeadline(Timestamp now, Priority priority) {
		return Timestamp.from(now.toInstant().plus(priority.defaultAckWindow()));
	}

}
