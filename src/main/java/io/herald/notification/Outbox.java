package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.herald.audit.AuditLog;
import io.herald.directory.Contact;
import io.herald.directory.EmployeeDirectory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail outbox for administrators: what is stuck, and sending it again.
 */
@Service
public class Outbox {

	static final int LISTED = 100;

	private static final String ADMIN = "hasRole('ADMIN')";

	private final JdbcTemplate jdbc;

	private final EmployeeDirectory directory;

	private final OutboxSender sender;

	private final AuditLog audit;

	private final Clock clock;

	Outbox(JdbcTemplate jdbc, EmployeeDirectory directory, OutboxSender sender, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.sender = sender;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize(ADMIN)
	@Transactional(readOnly = true)
	public OutboxOverview overview() {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.query("select status, count(*) from outbox_messages group by status",
				(RowCallbackHandler) (rs) -> counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2)));
		List<Row> failed = rows("status = 'FAILED' order by created_at desc, id desc");
		List<Row> held = rows("status = 'HELD' order by created_at desc, id desc");
		List<Row> pending = rows("status = 'PENDING' order by next_attempt_at, id");
		Map<Long, Contact> contacts = this.directory.findContacts(
				Stream.of(failed, held, pending).flatMap(List::stream).map(Row::employeeId).distinct().toList());
		return new OutboxOverview(counts, entries(failed, contacts), entries(held, contacts),
				entries(pending, contacts), this.sender.mailConfigured());
	}

	/**
	 * Sends a FAILED or HELD message again from scratch: PENDING now, no attempts yet.
	 * Answers false when it is neither (already sent, pending, or unknown).
	 */
	@PreAuthorize(ADMIN)
	@Transactional
	public boolean retry(long id) {
		List<String> keys = this.jdbc.queryForList(
				"select idempotency_key from outbox_messages where id = ? and status in ('FAILED', 'HELD')",
				String.class, id);
		if (keys.isEmpty()) {
			return false;
		}
		this.jdbc.update(
				"update outbox_messages set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
						+ "last_error = null where id = ? and status in ('FAILED', 'HELD')",
				Timestamp.from(this.clock.instant()), id);
		this.audit.record("notification.outbox.retried", "outbox_message", id, keys.get(0));
		return true;
	}

	/**
	 * Sends every FAILED message again from scratch; answers how many.
	 */
	@PreAuthorize(ADMIN)
	@Transactional
	public int retryAllFailed() {
		int retried = this.jdbc.update(
				"update outbox_messages set status = 'PENDING', attempts = 0, "
						+ "next_attempt_at = ?, last_error = null where status = 'FAILED'",
				Timestamp.from(this.clock.instant()));
		if (retried > 0) {
			this.audit.record("notification.outbox.retried-all-failed", "outbox_message", null,
					retried + " message(s)");
		}
		return retried;
	}

	private List<Row> rows(String whereAndOrder) {
		return this.jdbc.query("select id, employee_id, kind, subject, critical, status, attempts, last_error, "
				+ "created_at, next_attempt_at, sent_at from outbox_messages where " + whereAndOrder + " limit ?",
				(rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						OutboxStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8),
						instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))),
				LISTED);
	}

	private static List<OutboxEntry> entries(List<Row> rows, Map<Long, Contact> contacts) {
		List<OutboxEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Contact contact = contacts.get(row.employeeId());
			entries.add(new OutboxEntry(row.id(), row.employeeId(), (contact != null) ? contact.email() : null,
					(contact != null) ? contact.displayName() : null, row.kind(), row.subject(), row.critical(),
					row.status(), row.attempts(), row.lastError(), row.createdAt(), row.nextAttemptAt(), row.sentAt()));
		}
		return entries;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(long id, long employeeId, String kind, String subject, boolean critical, OutboxStatus status,
			int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

	}

}
