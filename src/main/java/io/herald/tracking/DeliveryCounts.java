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

	DeliveryCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementPublished published) {
		recount(List.of(published.announcementId()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeliveriesAdded added) {
		// An increment per group, never a recount: acknowledgements may be
		// arriving for the same rows at this moment.
		List<Long> people = added.employeeIds();
		for (int from = 0; from < people.size(); from += 1000) {
			List<Long> chunk = people.subList(from, Math.min(from + 1000, people.size()));
			List<Object> arguments = new ArrayList<>();
			arguments.add(Timestamp.from(added.deliveredAt()));
			arguments.addAll(chunk);
			this.jdbc.update("merge into delivery_counts k using (select d.announcement_id, "
					+ "coalesce(d.department_id, 0) as department_id, coalesce(d.location_id, 0) as location_id, "
					+ "mod(d.employee_id, 8) as shard, count(*) as n from deliveries d "
					+ "where d.late_joiner = true and d.delivered_at = ? and d.employee_id in ("
					+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") "
					+ "group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), "
					+ "mod(d.employee_id, 8)) s on (k.announcement_id = s.announcement_id "
					+ "and k.department_id = s.department_id and k.location_id = s.location_id and k.shard = s.shard) "
					+ "when matched then update set delivered = k.delivered + s.n "
					+ "when not matched then insert (announcement_id, department_id, location_id, shard, delivered, "
					+ "read_count, acknowledged, acknowledged_on_time) "
					+ "values (s.announcement_id, s.department_id, s.location_id, s.shard, s.n, 0, 0, 0)",
					arguments.toArray());
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
		if (revised.acknowledgementAskedAgain()) {
			// Every earlier acknowledgement is for an older revision now.
			this.jdbc.update("update delivery_counts set acknowledged = 0, acknowledged_on_time = 0 "
					+ "where announcement_id = ?", revised.announcementId());
		}
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
