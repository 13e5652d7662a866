package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.herald.announcement.AnnouncementRead;
import io.herald.notification.Notifications;
import io.herald.shared.Callers;
import io.herald.shared.ChangeRefused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a recipient records: that they read a post, and that they have read and understood
 * it. Both are idempotent (a retry or a second click changes nothing) and only for
 * recipients: for anyone else the post does not exist. Each is a few single-row
 * statements, safe under any number of simultaneous requests.
 */
@Service
@NamedInterface("api")
public class Receipts {

	private final JdbcClient jdbc;

	private final DeliveryCounts counts;

	private final ApplicationEventPublisher events;

	private final Notifications notifications;

	private final Clock clock;

	Receipts(JdbcClient jdbc, DeliveryCounts counts, ApplicationEventPublisher events, Notifications notifications,
			Clock clock) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.events = events;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Records the caller's first reading of a post; later calls change nothing.
	 * @throws ReceiptNotFound when the caller is not a recipient of a published post
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void read(long announcementId) {
		long employeeId = Callers.require().employeeId();
		Instant now = now();
		// The first reading in one statement; only when it records nothing does it
		// matter whether that is because of an earlier reading or because there is
		// nothing this person may read.
		int firstRead = this.jdbc.sql("""
				update deliveries set read_at = :now
				where announcement_id = :announcement and employee_id = :employee and read_at is null
				  and exists (select 1 from announcements a where a.id = deliveries.announcement_id
				              and a.status in ('PUBLISHED', 'ARCHIVED'))""")
			.param("now", Timestamp.from(now))
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.update();
		if (firstRead == 1) {
			// The read counter follows the event, wherever the read was recorded.
			this.events.publishEvent(new AnnouncementRead(announcementId, employeeId, now));
		}
		else {
			receiptOf(announcementId, employeeId);
		}
	}

	/**
	 * Records that the caller has read and understood the current revision of a post
	 * (which implies reading it). Acknowledging again changes nothing.
	 * @param seenRevision the revision of the post the caller was shown, or {@code null}
	 * when the client cannot say (the API): an acknowledgement of an older revision than
	 * the one now asked for is refused, since the caller never saw the change
	 * @return what is recorded now
	 * @throws ReceiptNotFound when the caller is not a recipient of a published post
	 * @throws ChangeRefused when the post asks for no acknowledgement, has expired, or
	 * changed since the caller saw it
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public Acknowledgement acknowledge(long announcementId, Integer seenRevision) {
		return acknowledge(announcementId, Callers.require().employeeId(), seenRevision, false);
	}

	/**
	 * Records the answer to a post that asks for a safety check-in (a crisis alert) as
	 * its acknowledgement; the check-in itself is the crisis module's. Plain
	 * acknowledgements of such posts are refused: a person must say whether they are
	 * safe.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public Acknowledgement acknowledgeCheckIn(long announcementId) {
		return acknowledge(announcementId, Callers.require().employeeId(), null, true);
	}

	/**
	 * Records the check-in of someone who answered through a one-click link from an
	 * e-mail, without signing in; the crisis module has verified the link's signature,
	 * that it names this person and that it is unused and unexpired. It has no caller to
	 * check, so it only ever answers a post that asks for a check-in: a plain
	 * acknowledgement cannot be given through it.
	 * @throws ReceiptNotFound when the person is not a recipient of a published post
	 * @throws ChangeRefused when the post asks for no check-in
	 */
	@Transactional
	public Acknowledgement acknowledgeCheckInByLink(long announcementId, long employeeId) {
		return acknowledge(announcementId, employeeId, null, true);
	}

	private Acknowledgement acknowledge(long announcementId, long employeeId, Integer seenRevision, boolean checkIn) {
		// The delivery's row first, then its counter row: the order in which
		// opening a post records its read (the row, then the counter through the
		// event). Taken the other way round, an acknowledgement and an opening by
		// the same person could each wait for the other's lock.
		long[] counter = lockDelivery(announcementId, employeeId);
		// The counter row's lock orders this acknowledgement with a revision
		// that asks everyone again (it locks all of the post's rows): read after
		// the lock, the revision asked for and the due time are the ones that
		// hold when this commits.
		this.counts.lock(announcementId, counter[0], counter[1], employeeId);
		Receipt receipt = receiptOf(announcementId, employeeId);
		if (!receipt.ackRequired()) {
			throw new ChangeRefused("tracking.ack.notRequested");
		}
		if (receipt.checkIn() && !checkIn) {
			throw new ChangeRefused("tracking.ack.checkInInstead");
		}
		if (checkIn && !receipt.checkIn()) {
			throw new ChangeRefused("tracking.ack.noCheckIn");
		}
		Instant now = now();
		if (receipt.acknowledged()) {
			return acknowledgementOf(announcementId, receipt.employeeId());
		}
		if (seenRevision != null && seenRevision < receipt.ackRevision()) {
			throw new ChangeRefused("tracking.ack.revised");
		}
		if (receipt.expiresAt() != null && !receipt.expiresAt().isAfter(now)) {
			throw new ChangeRefused("tracking.ack.expired");
		}
		// An acknowledgement is also a read: one statement records both. The row is
		// locked since the first statement, so the read time the receipt showed
		// still holds, and the revision condition makes the acknowledgement count
		// once whatever the races (a second request waits for the lock, then finds
		// nothing left to do).
		int acknowledged = this.jdbc.sql("""
				update deliveries set read_at = coalesce(read_at, :now), acknowledged_at = :now,
				  acknowledged_revision = :revision
				where announcement_id = :announcement and employee_id = :employee
				  and (acknowledged_revision is null or acknowledged_revision < :revision)""")
			.param("now", Timestamp.from(now))
			.param("revision", receipt.ackRevision())
			.param("announcement", announcementId)
			.param("employee", receipt.employeeId())
			.update();
		if (acknowledged == 0) {
			return acknowledgementOf(announcementId, receipt.employeeId());
		}
		boolean onTime = receipt.dueAt() == null || !now.isAfter(receipt.dueAt());
		if (receipt.readAt() == null) {
			this.events.publishEvent(new AnnouncementRead(announcementId, receipt.employeeId(), now));
		}
		this.counts.acknowledged(receipt, onTime);
		this.notifications.withdrawRequestsToAcknowledge(receipt.employeeId(), announcementId);
		this.events.publishEvent(
				new AnnouncementAcknowledged(announcementId, receipt.employeeId(), receipt.ackRevision(), now, onTime));
		return new Acknowledgement(announcementId, now, receipt.ackRevision());
	}

	// Locks the delivery's row; its counter row's department and location.
	private long[] lockDelivery(long announcementId, long employeeId) {
		return this.jdbc.sql("""
				select coalesce(department_id, 0) as department_id, coalesce(location_id, 0) as location_id
				from deliveries where announcement_id = :announcement and employee_id = :employee for update""")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query((rs, row) -> new long[] { rs.getLong("department_id"), rs.getLong("location_id") })
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ReceiptNotFound(announcementId));
	}

	private Receipt receiptOf(long announcementId, long employeeId) {
		return this.jdbc.sql(Receipt.SELECT)
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query(Receipt::of)
			.stream()
			.filter((receipt) -> "PUBLISHED".equals(receipt.status()) || "ARCHIVED".equals(receipt.status()))
			.findFirst()
			.orElseThrow(() -> new ReceiptNotFound(announcementId));
	}

	private Acknowledgement acknowledgementOf(long announcementId, long employeeId) {
		return this.jdbc.sql("""
				select d.acknowledged_at, d.acknowledged_revision from deliveries d
				where d.announcement_id = :announcement and d.employee_id = :employee""")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query((rs, n) -> new Acknowledgement(announcementId, rs.getTimestamp("acknowledged_at").toInstant(),
					rs.getInt("acknowledged_revision")))
			.single();
	}

	private Instant now() {
		// Stored to the microsecond, like every time in PostgreSQL.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
