package io.herald.tracking;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.AnnouncementRead;
import io.herald.announcement.AnnouncementRevised;
import io.herald.announcement.DeliveriesAdded;
import io.herald.announcement.DeliverySql;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code delivery_counts} equal to what a recount of the deliveries would give, in
 * the transaction of each change: created at publication, grown by late joiners, bumped
 * by each first read and acknowledgement, and reset when a revision asks everyone to
 * acknowledge again. Each change is one statement on one row of eight per department and
 * location, so simultaneous acknowledgements rarely wait for one another.
 */
@Component
@NamedInterface("api")
public class DeliveryCounts {

	/**
	 * Counter rows per department and location: each row counts the deliveries whose
	 * employee id falls in its shard, and every statement binds this number as
	 * {@code :shards}.
	 */
	static final int SHARDS = 8;

	// A summed delivery's row: its department and location (0 for none) and its
	// employee's shard.
	private static final String RECOUNT = """
			insert into delivery_counts (announcement_id, department_id, location_id, shard,
			  delivered, read_count, acknowledged, acknowledged_on_time)
			select announcement_id, department_id, location_id, shard,
			  count(*), sum(was_read), sum(acknowledged), sum(acknowledged_on_time)
			from (select d.announcement_id, coalesce(d.department_id, 0) as department_id,
			        coalesce(d.location_id, 0) as location_id, mod(d.employee_id, :shards) as shard,
			        case when d.read_at is not null then 1 else 0 end as was_read,
			        case when %1$s then 1 else 0 end as acknowledged,
			        case when %1$s and d.acknowledged_at <= coalesce(d.ack_due_at, a.ack_due_at, d.acknowledged_at)
			          then 1 else 0 end as acknowledged_on_time
			      from deliveries d join announcements a on a.id = d.announcement_id
			      where d.announcement_id = any(:announcements)) counted
			group by announcement_id, department_id, location_id, shard""".formatted(Receipt.ACKNOWLEDGED);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DeliveryCounts(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementPublished published) {
		recount(List.of(published.announcementId()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeliveriesAdded added) {
		// Rows first, empty where missing ("on conflict do nothing" lets two
		// transactions create the same row), then an increment per row, never a
		// recount: acknowledgements may be arriving for the same rows now.
		Timestamp deliveredAt = Timestamp.from(added.deliveredAt());
		Long[] people = added.employeeIds().toArray(Long[]::new);
		this.jdbc.sql("""
				insert into delivery_counts (announcement_id, department_id, location_id, shard,
				  delivered, read_count, acknowledged, acknowledged_on_time)
				select distinct d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0),
				  mod(d.employee_id, :shards), 0, 0, 0, 0
				from deliveries d
				where d.late_joiner = true and d.delivered_at = :delivered and d.employee_id = any(:people)
				on conflict do nothing""")
			.param("shards", SHARDS)
			.param("delivered", deliveredAt)
			.param("people", people)
			.update();
		this.jdbc.sql("""
				update delivery_counts set delivered = delivered + (
				    select count(*) from deliveries d
				    where d.late_joiner = true and d.delivered_at = :delivered and d.employee_id = any(:people)
				      and d.announcement_id = delivery_counts.announcement_id
				      and coalesce(d.department_id, 0) = delivery_counts.department_id
				      and coalesce(d.location_id, 0) = delivery_counts.location_id
				      and mod(d.employee_id, :shards) = delivery_counts.shard)
				where announcement_id in (
				    select d.announcement_id from deliveries d
				    where d.late_joiner = true and d.delivered_at = :delivered and d.employee_id = any(:people))
				  and exists (
				    select 1 from deliveries d
				    where d.late_joiner = true and d.delivered_at = :delivered and d.employee_id = any(:people)
				      and d.announcement_id = delivery_counts.announcement_id
				      and coalesce(d.department_id, 0) = delivery_counts.department_id
				      and coalesce(d.location_id, 0) = delivery_counts.location_id
				      and mod(d.employee_id, :shards) = delivery_counts.shard)""")
			.param("shards", SHARDS)
			.param("delivered", deliveredAt)
			.param("people", people)
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementRead read) {
		this.jdbc.sql("""
				update delivery_counts set read_count = read_count + 1
				where announcement_id = :announcement and shard = :shard
				  and department_id = (select coalesce(d.department_id, 0) from deliveries d
				                       where d.announcement_id = :announcement and d.employee_id = :employee)
				  and location_id = (select coalesce(d.location_id, 0) from deliveries d
				                     where d.announcement_id = :announcement and d.employee_id = :employee)""")
			.param("announcement", read.announcementId())
			.param("employee", read.employeeId())
			.param("shard", shardOf(read.employeeId()))
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementRevised revised) {
		long id = revised.announcementId();
		if (!revised.acknowledgementAskedAgain() && !revised.dueChanged()) {
			return;
		}
		// Locking every row of the post first waits for acknowledgements in
		// flight (each holds its row from its start) and holds back new ones
		// until this commits; they then read the new revision and due time.
		this.jdbc.sql("select shard from delivery_counts where announcement_id = :announcement for update")
			.param("announcement", id)
			.query((rs) -> {
			});
		if (revised.acknowledgementAskedAgain()) {
			// Every earlier acknowledgement is for an older revision now.
			this.jdbc.sql("""
					update delivery_counts set acknowledged = 0, acknowledged_on_time = 0
					where announcement_id = :announcement""").param("announcement", id).update();
		}
		else {
			// Whether an acknowledgement was on time is judged against the due
			// time as it stands, like a recount does.
			this.jdbc.sql("""
					update delivery_counts set acknowledged_on_time = (
					    select count(*) from deliveries d join announcements a on a.id = d.announcement_id
					    where d.announcement_id = :announcement
					      and coalesce(d.department_id, 0) = delivery_counts.department_id
					      and coalesce(d.location_id, 0) = delivery_counts.location_id
					      and mod(d.employee_id, :shards) = delivery_counts.shard
					      and %s and d.acknowledged_at <= coalesce(%s, d.acknowledged_at))
					where announcement_id = :announcement""".formatted(Receipt.ACKNOWLEDGED, DeliverySql.EFFECTIVE_DUE))
				.param("announcement", id)
				.param("shards", SHARDS)
				.update();
		}
	}

	/**
	 * Locks the counter row of this delivery until the transaction ends.
	 */
	void lock(long announcementId, long departmentId, long locationId, long employeeId) {
		this.jdbc.sql("""
				select shard from delivery_counts
				where announcement_id = :announcement and department_id = :department
				  and location_id = :location and shard = :shard
				for update""")
			.param("announcement", announcementId)
			.param("department", departmentId)
			.param("location", locationId)
			.param("shard", shardOf(employeeId))
			.query((rs) -> {
			});
	}

	/**
	 * Counts these announcements' deliveries again from scratch, for data written without
	 * the counters (demo history, repairs). Not for announcements receiving traffic.
	 */
	@Transactional
	public void recount(Collection<Long> announcementIds) {
		List<Long> ids = List.copyOf(announcementIds);
		Long[] announcements = ids.toArray(Long[]::new);
		this.jdbc.sql("delete from delivery_counts where announcement_id = any(:announcements)")
			.param("announcements", announcements)
			.update();
		this.jdbc.sql(RECOUNT).param("shards", SHARDS).param("announcements", announcements).update();
		// Whoever keeps figures of their own from these deliveries counts them again too.
		this.events.publishEvent(new DeliveriesRecounted(ids));
	}

	/**
	 * Adds an acknowledgement to the row of this delivery.
	 */
	void acknowledged(Receipt receipt, boolean onTime) {
		this.jdbc.sql("""
				update delivery_counts
				set acknowledged = acknowledged + 1, acknowledged_on_time = acknowledged_on_time + :onTime
				where announcement_id = :announcement and department_id = :department
				  and location_id = :location and shard = :shard""")
			.param("onTime", onTime ? 1 : 0)
			.param("announcement", receipt.announcementId())
			.param("department", receipt.departmentId())
			.param("location", receipt.locationId())
			.param("shard", shardOf(receipt.employeeId()))
			.update();
	}

	/**
	 * The counter row shard of an employee's deliveries, as {@code mod(employee_id,
	 * :shards)} computes it in SQL.
	 */
	static int shardOf(long employeeId) {
		return (int) Math.floorMod(employeeId, (long) SHARDS);
	}

}
