package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.herald.shared.Zones;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily e-mail digest for people who chose it: once their local time is past
 * {@code herald.mail.digest-time} and they have had no digest today (in their zone), one
 * e-mail listing the non-critical notifications still unread that came in since the last
 * one. Nobody gets an empty digest. Queued set-based, one pair of statements per local
 * date, on one instance at a time.
 */
@Component
class DailyDigest {

	// Longer than any transaction that writes notifications.
	static final Duration SETTLING = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MailSettings settings;

	DailyDigest(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, MailSettings settings) {
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
		this.jdbc.sql("""
				select p.employee_id, e.time_zone, p.digest_sent_on
				from notification_preferences p join employees e on e.id = p.employee_id
				where p.mode = 'EMAIL_DIGEST' and e.active = true
				  and (p.digest_sent_on is null or p.digest_sent_on < :latestToday)
				""").param("latestToday", latestToday).query((rs) -> {
			ZonedDateTime local = now.atZone(Zones.parse(rs.getString("time_zone")).orElse(ZoneOffset.UTC));
			LocalDate sentOn = rs.getObject("digest_sent_on", LocalDate.class);
			LocalDate today = local.toLocalDate();
			if (!local.toLocalTime().isBefore(this.settings.digestTime())
					&& (sentOn == null || sentOn.isBefore(today))) {
				dueByDate.computeIfAbsent(today, (date) -> new ArrayList<>()).add(rs.getLong("employee_id"));
			}
		});
		int due = 0;
		for (Map.Entry<LocalDate, List<Long>> date : dueByDate.entrySet()) {
			queue(date.getKey(), date.getValue(), now);
			due += date.getValue().size();
		}
		return due;
	}

	private void queue(LocalDate today, List<Long> people, Instant now) {
		Long[] ids = people.toArray(Long[]::new);
		Timestamp at = Timestamp.from(now);
		Timestamp coveredTo = Timestamp.from(coveredTo(now));
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					insert into outbox_messages (idempotency_key, employee_id, kind, subject, link, critical, status,
					    attempts, next_attempt_at, created_at, covers_from)
					select concat('digest:', cast(p.employee_id as varchar(20)), ':', :day), p.employee_id, :kind,
					    cast(count(*) as varchar(20)), '/notifications', false, 'PENDING', 0, :now, :now,
					    p.digest_covered_to
					from notification_preferences p join notifications n on n.employee_id = p.employee_id
					where p.employee_id = any(:people) and p.mode = 'EMAIL_DIGEST'
					  and n.critical = false and n.read_at is null and n.created_at <= :coveredTo
					  and (p.digest_covered_to is null or n.created_at > p.digest_covered_to)
					group by p.employee_id, p.digest_covered_to
					on conflict do nothing
					""")
				.param("day", today.toString())
				.param("kind", OutboxMessage.DIGEST)
				.param("now", at)
				.param("people", ids)
				.param("coveredTo", coveredTo)
				.update();
			this.jdbc.sql("""
					update notification_preferences set digest_sent_on = :today, digest_covered_to = :coveredTo
					where employee_id = any(:people) and mode = 'EMAIL_DIGEST'
					  and (digest_sent_on is null or digest_sent_on < :today)
					""").param("today", today).param("coveredTo", coveredTo).param("people", ids).update();
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
		return this.jdbc.sql("""
				select kind, subject, link, created_at from notifications
				where employee_id = :employee and created_at > :from and created_at <= :to and critical = false
				  and (read_at is null or read_at > :queuedAt)
				order by created_at desc, id desc
				limit :limit
				""")
			.param("employee", digest.employeeId())
			.param("from", from)
			.param("to", to)
			.param("queuedAt", queuedAt)
			.param("limit", MailComposer.DIGEST_ENTRIES)
			.query((rs, row) -> new DigestEntry(rs.getString("kind"), rs.getString("subject"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	// A notification takes its time at the start of its transaction, which may
	// commit after a digest ran: a digest covers up to a settling time before it
	// was queued, and the next one takes it from there, so nothing falls between.
	private static Instant coveredTo(Instant queuedAt) {
		return queuedAt.minus(SETTLING);
	}

}
