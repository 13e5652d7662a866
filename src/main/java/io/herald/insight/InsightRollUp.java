package io.herald.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.herald.announcement.AnnouncementPublished;
import io.herald.announcement.AnnouncementRead;
import io.herald.announcement.AnnouncementRevised;
import io.herald.announcement.DeliveriesAdded;
import io.herald.announcement.DeliverySql;
import io.herald.tracking.AnnouncementAcknowledged;
import io.herald.tracking.DeliveriesRecounted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code insight_counts} and {@code insight_read_times} (and their per-post sums,
 * {@code insight_post_counts} and {@code insight_post_read_times}) equal to a recount of
 * the deliveries, in two steps. In the transaction of each read, acknowledgement, late
 * delivery, publication or revision, one row is appended to {@code insight_changes}:
 * appends never wait for each other, so the acknowledgement path keeps its throughput
 * (the tracking counters are sharded for the same reason). A roll-up then folds the
 * changes into the figures: every 15 seconds and before each dashboard is built, one at a
 * time (the others skip). It runs in one REPEATABLE READ snapshot, so it folds and
 * deletes exactly the changes whose transactions it sees, and counts a post's deliveries
 * again as of that same snapshot; a change committed meanwhile waits for the next fold.
 */
@Component
class InsightRollUp {

	// Seconds from delivery to first reading, portable to PostgreSQL and H2.
	static final String LATENCY = "extract(epoch from d.read_at) - extract(epoch from d.delivered_at)";

	// %1$s: whether the revision asked for is acknowledged; %2$s: the recipient's due
	// time.
	private static final String RECOUNT_COUNTS = """
			insert into insight_counts (announcement_id, department_id, location_id, delivered, read_count,
			    acknowledged, acknowledged_on_time)
			select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), count(*),
			       sum(case when d.read_at is not null then 1 else 0 end),
			       sum(case when %1$s then 1 else 0 end),
			       sum(case when %1$s and d.acknowledged_at <= coalesce(%2$s, d.acknowledged_at) then 1 else 0 end)
			from deliveries d join announcements a on a.id = d.announcement_id
			where d.announcement_id = any(:ids)
			group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0)
			""".formatted(DeliverySql.ACKNOWLEDGED, DeliverySql.EFFECTIVE_DUE);

	// %s: the time-to-read bucket of a delivery.
	private static final String RECOUNT_READ_TIMES = """
			insert into insight_read_times (announcement_id, department_id, location_id, bucket, reads)
			select t.announcement_id, t.department_id, t.location_id, t.bucket, count(*)
			from (select d.announcement_id, coalesce(d.department_id, 0) as department_id,
			             coalesce(d.location_id, 0) as location_id, %s as bucket
			      from deliveries d
			      where d.announcement_id = any(:ids) and d.read_at is not null) t
			group by t.announcement_id, t.department_id, t.location_id, t.bucket
			""".formatted(ReadTime.sql(LATENCY));

	private static final String READ = """
			insert into insight_changes (announcement_id, department_id, location_id, read_count, bucket)
			select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), 1, %s
			from deliveries d
			where d.announcement_id = :announcement and d.employee_id = :employee and d.read_at is not null
			""".formatted(ReadTime.sql(LATENCY));

	private static final String MERGE_COUNTS = """
			merge into insight_counts k
			using (select c.announcement_id, c.department_id, c.location_id, sum(c.delivered) as delivered,
			              sum(c.read_count) as read_count, sum(c.acknowledged) as acknowledged,
			              sum(c.acknowledged_on_time) as acknowledged_on_time
			       from insight_changes c join announcements a on a.id = c.announcement_id
			       where c.id <= :last
			       group by c.announcement_id, c.department_id, c.location_id) c
			on (k.announcement_id = c.announcement_id and k.department_id = c.department_id
			    and k.location_id = c.location_id)
			when matched then update set delivered = k.delivered + c.delivered,
			    read_count = k.read_count + c.read_count, acknowledged = k.acknowledged + c.acknowledged,
			    acknowledged_on_time = k.acknowledged_on_time + c.acknowledged_on_time
			when not matched then insert (announcement_id, department_id, location_id, delivered, read_count,
			    acknowledged, acknowledged_on_time)
			values (c.announcement_id, c.department_id, c.location_id, c.delivered, c.read_count, c.acknowledged,
			    c.acknowledged_on_time)
			""";

	private static final String MERGE_READ_TIMES = """
			merge into insight_read_times t
			using (select c.announcement_id, c.department_id, c.location_id, c.bucket, sum(c.read_count) as reads
			       from insight_changes c join announcements a on a.id = c.announcement_id
			       where c.id <= :last and c.read_count > 0 and c.bucket is not null
			       group by c.announcement_id, c.department_id, c.location_id, c.bucket) c
			on (t.announcement_id = c.announcement_id and t.department_id = c.department_id
			    and t.location_id = c.location_id and t.bucket = c.bucket)
			when matched then update set reads = t.reads + c.reads
			when not matched then insert (announcement_id, department_id, location_id, bucket, reads)
			values (c.announcement_id, c.department_id, c.location_id, c.bucket, c.reads)
			""";

	private static final String MERGE_POST_COUNTS = """
			merge into insight_post_counts k
			using (select c.announcement_id, sum(c.delivered) as delivered, sum(c.read_count) as read_count,
			              sum(c.acknowledged) as acknowledged, sum(c.acknowledged_on_time) as acknowledged_on_time
			       from insight_changes c join announcements a on a.id = c.announcement_id
			       where c.id <= :last
			       group by c.announcement_id) c
			on (k.announcement_id = c.announcement_id)
			when matched then update set delivered = k.delivered + c.delivered,
			    read_count = k.read_count + c.read_count, acknowledged = k.acknowledged + c.acknowledged,
			    acknowledged_on_time = k.acknowledged_on_time + c.acknowledged_on_time
			when not matched then insert (announcement_id, delivered, read_count, acknowledged, acknowledged_on_time)
			values (c.announcement_id, c.delivered, c.read_count, c.acknowledged, c.acknowledged_on_time)
			""";

	private static final String MERGE_POST_READ_TIMES = """
			merge into insight_post_read_times t
			using (select c.announcement_id, c.bucket, sum(c.read_count) as reads
			       from insight_changes c join announcements a on a.id = c.announcement_id
			       where c.id <= :last and c.read_count > 0 and c.bucket is not null
			       group by c.announcement_id, c.bucket) c
			on (t.announcement_id = c.announcement_id and t.bucket = c.bucket)
			when matched then update set reads = t.reads + c.reads
			when not matched then insert (announcement_id, bucket, reads)
			values (c.announcement_id, c.bucket, c.reads)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	InsightRollUp(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementPublished published) {
		recountLater(List.of(published.announcementId()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementRevised revised) {
		if (revised.acknowledgementAskedAgain() || revised.dueChanged()) {
			recountLater(List.of(revised.announcementId()));
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeliveriesRecounted recounted) {
		recountLater(recounted.announcementIds());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeliveriesAdded added) {
		if (added.employeeIds().isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into insight_changes (announcement_id, department_id, location_id, delivered)
				select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), 1
				from deliveries d
				where d.late_joiner = true and d.delivered_at = :deliveredAt and d.employee_id = any(:people)
				""")
			.param("deliveredAt", Timestamp.from(added.deliveredAt()))
			.param("people", added.employeeIds().toArray(Long[]::new))
			.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementRead read) {
		this.jdbc.sql(READ).param("announcement", read.announcementId()).param("employee", read.employeeId()).update();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AnnouncementAcknowledged acknowledged) {
		this.jdbc.sql("""
				insert into insight_changes (announcement_id, department_id, location_id, acknowledged,
				    acknowledged_on_time)
				select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), 1, :onTime
				from deliveries d
				where d.announcement_id = :announcement and d.employee_id = :employee
				""")
			.param("onTime", acknowledged.onTime() ? 1 : 0)
			.param("announcement", acknowledged.announcementId())
			.param("employee", acknowledged.employeeId())
			.update();
	}

	/**
	 * Folds the changes in, unless another roll-up is doing it right now.
	 * @return whether this one ran
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
	public boolean fold() {
		// The first statement fixes the snapshot and takes the roll-up's lock.
		List<Integer> mine = this.jdbc.sql("""
				select id from insight_rollup where id = 1 for update skip locked
				""").query(Integer.class).list();
		if (mine.isEmpty()) {
			return false;
		}
		Long last = this.jdbc.sql("""
				select max(id) from insight_changes
				""").query(Long.class).optional().orElse(null);
		if (last == null) {
			return true;
		}
		Long[] recount = this.jdbc.sql("""
				select distinct announcement_id from insight_changes where recount = true and id <= :last
				""").param("last", last).query(Long.class).list().toArray(Long[]::new);
		if (recount.length > 0) {
			this.jdbc.sql("""
					delete from insight_counts where announcement_id = any(:ids)
					""").param("ids", recount).update();
			this.jdbc.sql("""
					delete from insight_read_times where announcement_id = any(:ids)
					""").param("ids", recount).update();
			this.jdbc.sql("""
					delete from insight_post_counts where announcement_id = any(:ids)
					""").param("ids", recount).update();
			this.jdbc.sql("""
					delete from insight_post_read_times where announcement_id = any(:ids)
					""").param("ids", recount).update();
			this.jdbc.sql(RECOUNT_COUNTS).param("ids", recount).update();
			this.jdbc.sql(RECOUNT_READ_TIMES).param("ids", recount).update();
			this.jdbc
				.sql("""
						insert into insight_post_counts (announcement_id, delivered, read_count, acknowledged,
						    acknowledged_on_time)
						select announcement_id, sum(delivered), sum(read_count), sum(acknowledged), sum(acknowledged_on_time)
						from insight_counts
						where announcement_id = any(:ids)
						group by announcement_id
						""")
				.param("ids", recount)
				.update();
			this.jdbc.sql("""
					insert into insight_post_read_times (announcement_id, bucket, reads)
					select announcement_id, bucket, sum(reads)
					from insight_read_times
					where announcement_id = any(:ids)
					group by announcement_id, bucket
					""").param("ids", recount).update();
			// Their changes are all in the recount, which sees what they saw.
			this.jdbc.sql("""
					delete from insight_changes where announcement_id = any(:ids) and id <= :last
					""").param("ids", recount).param("last", last).update();
		}
		this.jdbc.sql(MERGE_COUNTS).param("last", last).update();
		this.jdbc.sql(MERGE_READ_TIMES).param("last", last).update();
		this.jdbc.sql(MERGE_POST_COUNTS).param("last", last).update();
		this.jdbc.sql(MERGE_POST_READ_TIMES).param("last", last).update();
		this.jdbc.sql("""
				delete from insight_changes where id <= :last
				""").param("last", last).update();
		this.jdbc.sql("""
				update insight_rollup set folded_at = :now where id = 1
				""").param("now", Timestamp.from(this.clock.instant())).update();
		return true;
	}

	/**
	 * When the figures last took changes in ({@code null}: only what the migration
	 * counted).
	 */
	Instant foldedAt() {
		Timestamp at = this.jdbc.sql("""
				select folded_at from insight_rollup where id = 1
				""").query(Timestamp.class).optional().orElse(null);
		return (at != null) ? at.toInstant() : null;
	}

	private void recountLater(List<Long> announcementIds) {
		if (announcementIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into insight_changes (announcement_id, recount)
				select a.id, true from announcements a where a.id = any(:ids)
				""").param("ids", announcementIds.toArray(Long[]::new)).update();
	}

}
