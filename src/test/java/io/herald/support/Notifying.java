package io.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications for tests, sent through {@link Notifications} as the modules that cause
 * them do, each with a key unique in the JVM; and a look at the outbox rows they left.
 */
public final class Notifying {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Notifications notifications;

	public Notifying(JdbcTemplate jdbc, PlatformTransactionManager transactions, Notifications notifications) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.notifications = notifications;
	}

	/**
	 * Sends a non-critical notice about a post; answers its idempotency key.
	 */
	public String notify(long employeeId, NotificationKind kind, String subject, String link) {
		return send(employeeId, kind, subject, null, link, false);
	}

	public String send(long employeeId, NotificationKind kind, String subject, String detail, String link,
			boolean critical) {
		String key = "test:" + kind + ":" + employeeId + ":" + UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.notifications
			.send(List.of(new Notice(employeeId, kind, null, subject, detail, link, critical, key))));
		return key;
	}

	/**
	 * The id of the newest inbox entry of a person with this subject.
	 */
	public long notificationId(long employeeId, String subject) {
		return this.jdbc.queryForObject("select max(id) from notifications where employee_id = ? and subject = ?",
				Long.class, employeeId, subject);
	}

	/**
	 * The outbox row for a key: status, attempts, last_error, next_attempt_at, sent_at
	 * and the rest; empty when the notice was not e-mailed.
	 */
	public Map<String, Object> outbox(String key) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select * from outbox_messages where idempotency_key = ?", key);
		return rows.isEmpty() ? Map.of() : rows.get(0);
	}

	public String status(String key) {
		return (String) outbox(key).get("status");
	}

	/**
	 * Time passes for these messages: their next attempt is due now.
	 */
	public void makeDue(List<String> keys) {
		for (String key : keys) {
			this.jdbc.update("update outbox_messages set next_attempt_at = ? where idempotency_key = ?",
					Timestamp.from(Instant.now().minusSeconds(1)), key);
		}
	}

}
