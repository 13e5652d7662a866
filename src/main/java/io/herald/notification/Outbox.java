package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import io.herald.audit.AuditLog;
import io.herald.shared.ForAdmins;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending stuck outbox e-mails again, for administrators; {@link OutboxQueries} reads the
 * outbox.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Outbox(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sends a FAILED or HELD message again from scratch: PENDING now, no attempts yet.
	 * Answers false when it is neither (already sent, pending, or unknown).
	 */
	@ForAdmins
	@Transactional
	public boolean retry(long id) {
		Optional<String> key = this.jdbc.sql("""
				select idempotency_key from outbox_messages where id = :id and status in ('FAILED', 'HELD')
				""").param("id", id).query(String.class).optional();
		if (key.isEmpty()) {
			return false;
		}
		this.jdbc.sql("""
				update outbox_messages set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
				where id = :id and status in ('FAILED', 'HELD')
				""").param("now", Timestamp.from(this.clock.instant())).param("id", id).update();
		this.audit.record("notification.outbox.retried", "outbox_message", id, key.get());
		return true;
	}

	/**
	 * Sends every FAILED message again from scratch; answers how many.
	 */
	@ForAdmins
	@Transactional
	public int retryAllFailed() {
		int retried = this.jdbc.sql("""
				update outbox_messages set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
				where status = 'FAILED'
				""").param("now", Timestamp.from(this.clock.instant())).update();
		if (retried > 0) {
			this.audit.record("notification.outbox.retried-all-failed", "outbox_message", null,
					retried + " message(s)");
		}
		return retried;
	}

}
