package io.herald.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.herald.directory.Contact;
import io.herald.directory.EmployeeDirectory;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Sends the outbox. Every instance polls; a sender claims a small batch of due messages
 * with {@code FOR UPDATE SKIP LOCKED} and, in the same short transaction, moves their
 * next attempt a claim timeout ahead, so no other sender takes them while this one sends
 * them over one SMTP connection. Then each is marked SENT, or tried again later with
 * exponential backoff until it is FAILED.
 * <p>
 * Sending and marking cannot be one atomic step. If a message was handed to the SMTP
 * server but could not be marked (the database went away, the process died), it is sent
 * again once its claim times out: at least once rather than at most once, since a lost
 * critical message is worse than a duplicate. The duplicate carries the same Message-ID
 * (derived from the idempotency key), so mail systems can recognise it.
 * <p>
 * People who left, or are no longer in the directory, are not mailed: their messages are
 * FAILED at once with the reason, visible to administrators, who can send them again
 * (after a reactivation, say). The address is looked up at sending time.
 * <p>
 * Without an SMTP server ({@code spring.mail.host} empty, the embedded default) nothing
 * is sent or dropped: due messages are HELD, listed at {@code /admin/outbox}, and go back
 * to PENDING when Herald starts with a server configured.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final String CLAIM = """
			select id, idempotency_key, employee_id, kind, announcement_id, subject, detail, link, critical,
			       attempts, created_at, covers_from
			from outbox_messages
			where status = 'PENDING' and next_attempt_at <= :now
			order by case when critical = true then 0 else 1 end, next_attempt_at, id
			limit :limit
			for update skip locked
			""";

	private static final String MARK_FAILED = """
			update outbox_messages set attempts = ?, next_attempt_at = ?, last_error = ?, status = ?
			where id = ? and status = 'PENDING'
			""";

	private static final int MAX_ERROR = 2000;

	// The failures' updates are one JDBC batch: that stays on JdbcTemplate.
	private final JdbcTemplate batches;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final MailComposer composer;

	private final DailyDigest digest;

	private final EmployeeDirectory directory;

	private final Clock clock;

	private final MailSettings settings;

	private final Backoff backoff;

	private final boolean smtpConfigured;

	OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSenders,
			MailComposer composer, DailyDigest digest, EmployeeDirectory directory, Clock clock, MailSettings settings,
			Environment environment) {
		this.batches = jdbc;
		this.jdbc = JdbcClient.create(jdbc);
		this.transactions = new TransactionTemplate(transactions);
		this.mailSenders = mailSenders;
		this.composer = composer;
		this.digest = digest;
		this.directory = directory;
		this.clock = clock;
		this.settings = settings;
		this.backoff = settings.backoff();
		this.smtpConfigured = StringUtils.hasText(environment.getProperty("spring.mail.host"));
	}

	/**
	 * Whether an SMTP server is configured; without one, messages are held.
	 */
	boolean mailConfigured() {
		return this.smtpConfigured && this.mailSenders.getIfAvailable() != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void releaseHeldOnStart() {
		if (mailConfigured()) {
			int released = this.jdbc.sql("""
					update outbox_messages set status = 'PENDING', next_attempt_at = :now where status = 'HELD'
					""").param("now", Timestamp.from(this.clock.instant())).update();
			if (released > 0) {
				log.info("An SMTP server is configured now: {} held e-mail(s) will be sent", released);
			}
		}
	}

	@Scheduled(fixedDelayString = "${herald.mail.poll-interval:5s}",
			initialDelayString = "${herald.mail.poll-interval:5s}")
	void poll() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			// The database is away: everything stays as it was for the next poll.
			log.warn("Outbox poll failed; trying again at the next poll: {}", describe(ex));
		}
	}

	/**
	 * Sends every message due now, batch by batch, and returns how many were sent. Stops
	 * early when a whole batch fails (the server is down): the rest wait for the next
	 * poll instead of each paying for a failed connection.
	 */
	int sendDue() {
		if (!mailConfigured()) {
			hold();
			return 0;
		}
		int sent = 0;
		while (true) {
			List<OutboxMessage> claimed = claim();
			if (claimed.isEmpty()) {
				return sent;
			}
			Delivery delivery = deliver(claimed);
			sent += delivery.sent();
			if (delivery.serverFailing() || claimed.size() < this.settings.batchSize()) {
				return sent;
			}
		}
	}

	private void hold() {
		int held = this.jdbc.sql("""
				update outbox_messages set status = 'HELD' where status = 'PENDING' and next_attempt_at <= :now
				""").param("now", Timestamp.from(this.clock.instant())).update();
		if (held > 0) {
			log.warn("No SMTP server configured (set SMTP_HOST): {} e-mail(s) held, listed at /admin/outbox", held);
		}
	}

	private List<OutboxMessage> claim() {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<OutboxMessage> due = this.jdbc.sql(CLAIM)
				.param("now", Timestamp.from(now))
				.param("limit", this.settings.batchSize())
				.query(OutboxSender::message)
				.list();
			if (!due.isEmpty()) {
				this.jdbc.sql("""
						update outbox_messages set next_attempt_at = :claimedUntil where id = any(:ids)
						""")
					.param("claimedUntil", Timestamp.from(now.plus(this.settings.claimTimeout())))
					.param("ids", due.stream().map(OutboxMessage::id).toArray(Long[]::new))
					.update();
			}
			return due;
		});
	}

	private Delivery deliver(List<OutboxMessage> claimed) {
		JavaMailSender sender = this.mailSenders.getObject();
		Map<Long, Contact> contacts = this.directory
			.findContacts(claimed.stream().map(OutboxMessage::employeeId).toList());
		List<Failure> failures = new ArrayList<>();
		Map<MimeMessage, OutboxMessage> prepared = new IdentityHashMap<>();
		List<MimeMessage> mimes = new ArrayList<>();
		for (OutboxMessage message : claimed) {
			Contact contact = contacts.get(message.employeeId());
			if (contact == null) {
				failures.add(Failure.permanent(message, "Recipient is not in the directory"));
			}
			else if (!contact.active()) {
				failures.add(Failure.permanent(message, "Recipient is no longer active"));
			}
			else if (!StringUtils.hasText(contact.email())) {
				failures.add(Failure.permanent(message, "Recipient has no e-mail address"));
			}
			else {
				try {
					List<DigestEntry> entries = message.isDigest() ? this.digest.entries(message) : List.of();
					MimeMessage mime = this.composer.mime(sender, message, contact,
							this.composer.compose(message, contact, entries));
					prepared.put(mime, message);
					mimes.add(mime);
				}
				catch (AddressException ex) {
					failures.add(Failure.permanent(message, "Recipient's e-mail address is unusable: " + describe(ex)));
				}
				catch (Exception ex) {
					log.error("Could not compose e-mail {} ({})", message.id(), message.key(), ex);
					failures.add(Failure.retry(message, describe(ex)));
				}
			}
		}
		List<Long> sent = new ArrayList<>();
		if (!mimes.isEmpty()) {
			Map<Object, Exception> failed = send(sender, mimes);
			for (MimeMessage mime : mimes) {
				OutboxMessage message = prepared.get(mime);
				Exception failure = failed.get(mime);
				if (failure == null) {
					sent.add(message.id());
				}
				else {
					failures.add(Failure.retry(message, describe(failure)));
				}
			}
		}
		Instant now = this.clock.instant();
		markSent(sent, now);
		markFailed(failures, now);
		return new Delivery(sent.size(), !mimes.isEmpty() && sent.isEmpty());
	}

	/**
	 * Sends over one connection; answers which messages failed, and why.
	 */
	private Map<Object, Exception> send(JavaMailSender sender, List<MimeMessage> mimes) {
		try {
			sender.send(mimes.toArray(MimeMessage[]::new));
			return Map.of();
		}
		catch (MailSendException ex) {
			// No failed messages: they all went, only closing the connection failed.
			return ex.getFailedMessages();
		}
		catch (MailException ex) {
			Map<Object, Exception> all = new IdentityHashMap<>();
			mimes.forEach((mime) -> all.put(mime, ex));
			return all;
		}
	}

	private void markSent(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update outbox_messages set status = 'SENT', sent_at = :now, last_error = null
				where id = any(:ids) and status = 'PENDING'
				""").param("now", Timestamp.from(now)).param("ids", ids.toArray(Long[]::new)).update();
	}

	private void markFailed(List<Failure> failures, Instant now) {
		if (failures.isEmpty()) {
			return;
		}
		this.batches.batchUpdate(MARK_FAILED, failures, failures.size(), (statement, failure) -> {
			int attempts = failure.message().attempts() + 1;
			boolean givenUp = failure.permanent() || this.backoff.givesUpAfter(attempts);
			statement.setInt(1, attempts);
			statement.setTimestamp(2, Timestamp.from(givenUp ? now : now.plus(this.backoff.delayAfter(attempts))));
			statement.setString(3, failure.error());
			statement.setString(4, givenUp ? "FAILED" : "PENDING");
			statement.setLong(5, failure.message().id());
		});
		failures.stream()
			.filter((failure) -> failure.permanent() || this.backoff.givesUpAfter(failure.message().attempts() + 1))
			.forEach((failure) -> log.warn("E-mail {} ({}) FAILED: {}", failure.message().id(), failure.message().key(),
					failure.error()));
	}

	/**
	 * What went wrong, for people: the exception's message and its root cause's, one
	 * line, no stack trace.
	 */
	static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (root != ex) {
			text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
		}
		text = text.replaceAll("\\s+", " ").strip();
		return (text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR - 1) + "…" : text;
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		Timestamp coversFrom = rs.getTimestamp("covers_from");
		return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getLong("employee_id"),
				rs.getString("kind"), (Long) rs.getObject("announcement_id", Long.class), rs.getString("subject"),
				rs.getString("detail"), rs.getString("link"), rs.getBoolean("critical"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (coversFrom != null) ? coversFrom.toInstant() : null);
	}

	/**
	 * How a batch went: how many were sent, and whether the server took none of them.
	 */
	private record Delivery(int sent, boolean serverFailing) {

	}

	private record Failure(OutboxMessage message, String error, boolean permanent) {

		static Failure permanent(OutboxMessage message, String error) {
			return new Failure(message, error, true);
		}

		static Failure retry(OutboxMessage message, String error) {
			return new Failure(message, error, false);
		}

	}

}
