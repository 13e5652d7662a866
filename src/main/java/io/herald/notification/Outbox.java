package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.herald.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending stuck outbox e-mails again, for administrators; {@link OutboxQueries} reads the
 * outbox.
 */
@Service
public class Outbox {

	private static final String ADMIN = "hasRole('ADMIN')";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Outbox(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
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

}
