package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.herald.shared.Zones;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily e-mail digest for people who chose it: once their local time is past
 * {@code herald.mail.digest-time} and they have had no digest today (in their zone), one
 * e-mail listing the non-critical notifications still unread that came in since the last
 * one. Nobody gets an empty digest. Queued set-based, one pair of statements per local
 * date and thousand people, on one instance at a time.
 */
@Component
class DailyDigest {

	// Longer than any transaction that writes notifications.
	static final Duration SETTLING = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private static final int CHUNK = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MailSettings settings;

	DailyDigest(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, MailSettings settings) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${herald.mail.digest-interval:15m}",
			initialDelayString = "${herald.mail.digest-interval:15m}")
	@SchedulerLock(name = "notification-daily-digest", lockAtLeastFor = "1m", lockAtMostFor = "10m")
	void scheduled() {
		try {
			queueDue(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Daily digest run failed; trying again at the next run", ex);
		}
	}

	/**
	 * Queues the digests due at this instant; returns how many people were due (with or
	 * without anything to list).
	 */
	int queueDue(Instant now) {
		// Nowhere is it later than tomorrow in UTC: a cheap first cut.
		LocalDate latestToday = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
		Map<LocalDate, List<Long>> dueByDate = new TreeMap<>();
		this.jdbc.query("select p.employee_id, e.time_zone, p.digest_sent_on from notification_preferences p "
				+ "join employees e on e.id = p.employee_id where p.mode = 'EMAIL_DIGEST' and e.active = true "
				+ "and (p.digest_sent_on is null or p.digest_sent_on < ?)", (rs) -> {
					ZonedDateTime local = now.atZone(Zones.parse(rs.getString(2)).orElse(ZoneOffset.UTC));
					LocalDate sentOn = rs.getObject(3, LocalDate.class);
					LocalDate today = local.toLocalDate();
					if (!local.toLocalTime().isBefore(this.settings.digestTime())
							&& (sentOn == null || sentOn.isBefore(today))) {
						dueByDate.computeIfAbsent(today, (date) -> new ArrayList<>()).add(rs.getLong(1));
					}
				}, latestToday);
		int due = 0;
		for (Map.Entry<LocalDate, List<Long>> date : dueByDate.entrySet()) {
			List<Long> people = date.getValue();
			for (int from = 0; from < people.size(); from += CHUNK) {
				queue(date.getKey(), people.subList(from, Math.min(from + CHUNK, people.size())), now);
			}
			due += people.size();
		}
		return due;
	}

	private void queue(LocalDate today, List<Long> people, Instant now) {
		String in = String.join(", ", Collections.nCopies(people.size(), "?"));
		Timestamp at = Timestamp.from(now);
		Timestamp coveredTo = Timestamp.from(coveredTo(now));
		this.transactions.executeWithoutResult((status) -> {
			List<Object> insert = new ArrayList<>(List.of(today.toString(), at, at));
			insert.addAll(people);
			insert.add(coveredTo);
			this.jdbc.update("insert into outbox_messages (idempotency_key, employee_id, kind, subject, link, "
					+ "critical, status, attempts, next_attempt_at, created_at, covers_from) "
					+ "select concat('digest:', cast(p.employee_id as varchar(20)), ':', ?), p.employee_id, '"
					+ OutboxMessage.DIGEST + "', cast(count(*) as varchar(20)), '/notifications', false, "
					+ "'PENDING', 0, ?, ?, p.digest_covered_to from notification_preferences p "
					+ "join notifications n on n.employee_id = p.employee_id where p.employee_id in (" + in + ") "
					+ "and p.mode = 'EMAIL_DIGEST' and n.critical = false and n.read_at is null and n.created_at <= ? "
					+ "and (p.digest_covered_to is null or n.created_at > p.digest_covered_to) "
					+ "group by p.employee_id, p.digest_covered_to on conflict do nothing", insert.toArray());
			List<Object> update = new ArrayList<>(List.of(today, coveredTo));
			update.addAll(people);
			update.add(today);
			this.jdbc.update("update notification_preferences set digest_sent_on = ?, digest_covered_to = ? "
					+ "where employee_id in (" + in + ") and mode = 'EMAIL_DIGEST' "
					+ "and (digest_sent_on is null or digest_sent_on < ?)", update.toArray());
		});
	}

	/**
	 * What a queued digest lists: the person's non-critical notifications in its window
	 * that were unread when it was queued, newest first.
	 */
	List<DigestEntry> entries(OutboxMessage digest) {
		Timestamp queuedAt = Timestamp.from(digest.createdAt());
		Timestamp to = Timestamp.from(coveredTo(digest.createdAt()));
		Timestamp from = Timestamp.from((digest.coversFrom() != null) ? digest.coversFrom() : Instant.EPOCH);
		return this.jdbc.query(
				"select kind, subject, link, created_at from notifications where employee_id = ? "
						+ "and created_at > ? and created_at <= ? and critical = false "
						+ "and (read_at is null or read_at > ?) order by created_at desc, id desc limit ?",
				(rs, row) -> new DigestEntry(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()),
				digest.employeeId(), from, to, queuedAt, MailComposer.DIGEST_ENTRIES);
	}

	// A notification takes its time at the start of its transaction, which may
	// commit after a digest ran: a digest covers up to a settling time before it
	// was queued, and the next one takes it from there, so nothing falls between.
	private static Instant coveredTo(Instant queuedAt) {
		return queuedAt.minus(SETTLING);
	}

}
