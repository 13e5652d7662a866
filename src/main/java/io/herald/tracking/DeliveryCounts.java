package io.herald.tracking;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.AnnouncementRead;
import io.herald.announcement.AnnouncementRevised;
import io.herald.announcement.DeliveriesAdded;
import io.herald.announcement.DeliverySql;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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
public class DeliveryCounts {

	static final int SHARDS = 8;

	static final String KEY = "announcement_id = ? and department_id = ? and location_id = ? and shard = ?";

	private static final String RECOUNT = "insert into delivery_counts (announcement_id, department_id, location_id, "
			+ "shard, delivered, read_count, acknowledged, acknowledged_on_time) "
			+ "select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), "
			+ "mod(d.employee_id, 8), count(*), sum(case when d.read_at is not null then 1 else 0 end), "
			+ "sum(case when " + Receipt.ACKNOWLEDGED + " then 1 else 0 end), " + "sum(case when "
			+ Receipt.ACKNOWLEDGED + " and d.acknowledged_at <= coalesce(d.ack_due_at, a.ack_due_at, "
			+ "d.acknowledged_at) then 1 else 0 end) "
			+ "from deliveries d join announcements a on a.id = d.announcement_id where d.announcement_id in (%s) "
			+ "group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), "
			+ "mod(d.employee_id, 8)";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	DeliveryCounts(JdbcTemplate jdbc, ApplicationEventPublisher events) {
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
		List<Long> people = added.employeeIds();
		for (int from = 0; from < people.size(); from += 1000) {
			List<Long> chunk = people.subList(from, Math.min(from + 1000, people.size()));
			String justAdded = "from deliveries d where d.late_joiner = true and d.delivered_at = ? "
					+ "and d.employee_id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
			List<Object> arguments = new ArrayList<>();
			arguments.add(Timestamp.from(added.deliveredAt()));
			arguments.addAll(chunk);
			this.jdbc.update("insert into delivery_counts (announcement_id, department_id, location_id, shard, "
					+ "delivered, read_count, acknowledged, acknowledged_on_time) select distinct d.announcement_id, "
					+ "coalesce(d.department_id, 0), coalesce(d.location_id, 0), mod(d.employee_id, 8), 0, 0, 0, 0 "
					+ justAdded + " on conflict do nothing", arguments.toArray());
			List<Object> thrice = new ArrayList<>(arguments);
			thrice.addAll(arguments);
			thrice.addAll(arguments);
			String sameRow = " and d.announcement_id = delivery_counts.announcement_id "
					+ "and coalesce(d.department_id, 0) = delivery_counts.department_id "
					+ "and coalesce(d.location_id, 0) = delivery_counts.location_id "
					+ "and mod(d.employee_id, 8) = delivery_counts.shard";
			this.jdbc.update("update delivery_counts set delivered = delivered + (select count(*) " + justAdded
					+ sameRow + ") where announcement_id in (select d.announcement_id " + justAdded
					+ ") and exists (select 1 " + justAdded + sameRow + ")", thrice.toArray());
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementRead read) {
		long post = read.announcementId();
		long person = read.employeeId();
		String delivery = " from deliveries d where d.announcement_id = ? and d.employee_id = ?)";
		this.jdbc.update(
				"update delivery_counts set read_count = read_count + 1 where announcement_id = ? "
						+ "and shard = ? and department_id = (select coalesce(d.department_id, 0)" + delivery
						+ " and location_id = (select coalesce(d.location_id, 0)" + delivery,
				post, Math.floorMod(person, SHARDS), post, person, post, person);
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
		this.jdbc.query("select shard from delivery_counts where announcement_id = ? for update", (rs) -> {
		}, id);
		if (revised.acknowledgementAskedAgain()) {
			// Every earlier acknowledgement is for an older revision now.
			this.jdbc.update("update delivery_counts set acknowledged = 0, acknowledged_on_time = 0 "
					+ "where announcement_id = ?", id);
		}
		else {
			// Whether an acknowledgement was on time is judged against the due
			// time as it stands, like a recount does.
			this.jdbc.update("update delivery_counts set acknowledged_on_time = (select count(*) from deliveries d "
					+ "join announcements a on a.id = d.announcement_id where d.announcement_id = ? "
					+ "and coalesce(d.department_id, 0) = delivery_counts.department_id "
					+ "and coalesce(d.location_id, 0) = delivery_counts.location_id "
					+ "and mod(d.employee_id, 8) = delivery_counts.shard and " + Receipt.ACKNOWLEDGED
					+ " and d.acknowledged_at <= coalesce(" + DeliverySql.EFFECTIVE_DUE + ", d.acknowledged_at)) "
					+ "where announcement_id = ?", id, id);
		}
	}

	/**
	 * Locks the counter row of this delivery until the transaction ends.
	 */
	void lock(long announcementId, long departmentId, long locationId, long employeeId) {
		this.jdbc.query("select shard from delivery_counts where " + KEY + " for update", (rs) -> {
		}, announcementId, departmentId, locationId, Math.floorMod(employeeId, SHARDS));
	}

	/**
	 * Counts these announcements' deliveries again from scratch, for data written without
	 * the counters (demo history, repairs). Not for announcements receiving traffic.
	 */
	@Transactional
	public void recount(Collection<Long> announcementIds) {
		List<Long> ids = List.copyOf(announcementIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(from + 1000, ids.size()));
			String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			this.jdbc.update("delete from delivery_counts where announcement_id in (" + in + ")", chunk.toArray());
			this.jdbc.update(RECOUNT.formatted(in), chunk.toArray());
		}
		// Whoever keeps figures of their own from these deliveries counts them again too.
		this.events.publishEvent(new DeliveriesRecounted(ids));
	}

	/**
	 * Adds an acknowledgement to the row of this delivery.
	 */
	void acknowledged(Receipt receipt, boolean onTime) {
		this.jdbc.update(
				"update delivery_counts set acknowledged = acknowledged + 1, "
						+ "acknowledged_on_time = acknowledged_on_time + ? where " + KEY,
				onTime ? 1 : 0, receipt.announcementId(), receipt.departmentId(), receipt.locationId(),
				receipt.shard());
	}

}
