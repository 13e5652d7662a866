package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private static final String CLAIM_NEXT = "select id, scheduled_at, current_timestamp from announcements "
			+ "where status = 'SCHEDULED' and scheduled_at <= current_timestamp "
			+ "order by scheduled_at, id limit 1 for update skip locked";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Publishing publishing;

	private final Clock clock;

	private final Duration lateAfter;

	ScheduledPublisher(JdbcTemplate jdbc, PlatformTransactionManager transactions, Publishing publishing, Clock clock,
			@Value("${herald.publishing.late-after:2m}") Duration lateAfter) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.publishing = publishing;
		this.clock = clock;
		this.lateAfter = lateAfter;
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
	 * instance published.
	 */
	int publishDue() {
		int published = 0;
		while (Boolean.TRUE.equals(this.transactions.execute((status) -> publishNext()))) {
			published++;
		}
		return published;
	}

	private boolean publishNext() {
		List<Due> due = this.jdbc.query(CLAIM_NEXT,
				(rs, row) -> new Due(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)));
		if (due.isEmpty()) {
			return false;
		}
		Due next = due.get(0);
		boolean late = Duration.between(next.scheduledAt().toInstant(), next.databaseNow().toInstant())
			.compareTo(this.lateAfter) > 0;
		this.publishing.publish(next.id(), this.clock.instant(), late);
		return true;
	}

	private record Due(long id, Timestamp scheduledAt, Timestamp databaseNow) {

	}

}
