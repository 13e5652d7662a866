package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.herald.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an announcement out: marks it published, resolves its audience once into one
 * delivery per recipient with a single {@code INSERT … SELECT}, and tells other modules.
 * Both the authoring desk and the scheduler come through here.
 */
@Component
class Publishing {

	// Package-private so that FanOutBenchmark can time this statement on its own.
	static final String FAN_OUT = """
			insert into deliveries
			  (announcement_id, employee_id, published_at, delivered_at, late_joiner, department_id, location_id)
			select a.id, e.id, a.published_at, a.published_at, false, e.department_id, e.location_id
			from announcements a join channels c on c.id = a.channel_id cross join employees e
			where a.id = :announcement and %s""".formatted(AudienceSql.ofAnnouncement(":announcement"));

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	Publishing(JdbcClient jdbc, ApplicationEventPublisher events, AuditLog audit) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Publishes an announcement that is ready to go (approved, scheduled, or a draft on a
	 * channel without review), or does nothing when another transaction got there first.
	 * Pending JPA changes to the announcement must be flushed before.
	 * @return the number of recipients, or empty when it was not publishable
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Integer> publish(long id, Instant now, boolean late) {
		return publish(id, now, late, false);
	}

	/**
	 * Publishes as {@link #publish(long, Instant, boolean)} does; with
	 * {@code notifiedBySender} the caller tells the recipients itself.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Integer> publish(long id, Instant now, boolean late, boolean notifiedBySender) {
		Row row = this.jdbc.sql("""
				select priority, ack_required, ack_due_at, channel_id from announcements where id = :announcement""")
			.param("announcement", id)
			.query((rs, n) -> new Row(Priority.valueOf(rs.getString("priority")), rs.getBoolean("ack_required"),
					rs.getTimestamp("ack_due_at"), rs.getLong("channel_id")))
			.optional()
			.orElse(null);
		if (row == null) {
			return Optional.empty();
		}
		Timestamp due = (row.ackRequired() && row.ackDueAt() == null)
				? Timestamp.from(now.plus(row.priority().defaultAckWindow())) : row.ackDueAt();
		// The status condition makes publishing happen once: a second
		// transaction waits for the first's row lock, then finds nothing left
		// to publish.
		int claimed = this.jdbc.sql("""
				update announcements set status = 'PUBLISHED', published_at = :now, published_late = :late,
				  ack_due_at = :due, updated_at = :now, version = version + 1
				where id = :announcement and status in ('DRAFT', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED')""")
			.param("now", Timestamp.from(now))
			.param("late", late)
			.param("due", due)
			.param("announcement", id)
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		int recipients = this.jdbc.sql(FAN_OUT).param("announcement", id).update();
		this.jdbc.sql("update announcements set recipients = :recipients where id = :announcement")
			.param("recipients", recipients)
			.param("announcement", id)
			.update();
		this.audit.record(late ? "announcement.published.late" : "announcement.published", "announcement", id,
				"recipients=" + recipients);
		this.events.publishEvent(new AnnouncementPublished(id, row.channelId(), row.priority(), now, recipients, late,
				row.ackRequired(), notifiedBySender));
		return Optional.of(recipients);
	}

	private record Row(Priority priority, boolean ackRequired, Timestamp ackDueAt, long channelId) {

	}

}
