package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled announcements when they fall due. Every instance of the application
 * runs it; each post is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, and "due" is decided on the database's clock, so several instances never
 * publish the same post twice nor disagree about the time. Posts that fell due while the
 * application was down are published on start and marked late.
 */
@Component
class ScheduledPublisher {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

	// The slot takes the condition that skips posts which failed to publish.
	private static final String CLAIM_NEXT = """
			select id, scheduled_at, current_timestamp as database_now from announcements
			where status = 'SCHEDULED' and scheduled_at <= current_timestamp%s
			order by scheduled_at, id limit 1 for update skip locked""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Publishing publishing;

	private final Clock clock;

	private final Duration lateAfter;

	ScheduledPublisher(JdbcClient jdbc, PlatformTransactionManager transactions, Publishing publishing, Clock clock,
			PublishingSettings settings) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.publishing = publishing;
		this.clock = clock;
		this.lateAfter = settings.lateAfter();
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUpOnStart() {
		int published = publishDue();
		if (published > 0) {
			log.info("Published {} scheduled announcement(s) that fell due while Herald was down", published);
		}
	}

	@Scheduled(fixedDelayString = "${herald.publishing.poll-interval:10s}",
			initialDelayString = "${herald.publishing.poll-interval:10s}")
	void poll() {
		publishDue();
	}

	/**
	 * Publishes every post that is due now, one transaction each; returns how many this
	 * instance published. A post that fails to publish stays scheduled and is retried at
	 * the next poll; it does not hold up the posts due after it.
	 */
	int publishDue() {
		int published = 0;
		Set<Long> failed = new HashSet<>();
		while (true) {
			AtomicLong claimed = new AtomicLong();
			try {
				if (!Boolean.TRUE.equals(this.transactions.execute((status) -> publishNext(failed, claimed)))) {
					return published;
				}
				published++;
			}
			catch (RuntimeException ex) {
				if (claimed.get() == 0) {
					// Nothing claimed: the database itself failed; the next
					// poll tries again.
					throw ex;
				}
				log.error("Could not publish scheduled announcement {}; it stays scheduled and is tried again at "
						+ "the next poll", claimed.get(), ex);
				failed.add(claimed.get());
			}
		}
	}

	private boolean publishNext(Set<Long> failed, AtomicLong claimed) {
		List<Due> due = this.jdbc.sql(CLAIM_NEXT.formatted(failed.isEmpty() ? "" : " and not (id = any(:failed))"))
			.params(failed.isEmpty() ? Map.of() : Map.of("failed", failed.toArray(Long[]::new)))
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getTimestamp("scheduled_at"),
					rs.getTimestamp("database_now")))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Due next = due.get(0);
		claimed.set(next.id());
		boolean late = Duration.between(next.scheduledAt().toInstant(), next.databaseNow().toInstant())
			.compareTo(this.lateAfter) > 0;
		this.publishing.publish(next.id(), this.clock.instant(), late);
		return true;
	}

	private record Due(long id, Timestamp scheduledAt, Timestamp databaseNow) {

	}

}
