package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most one reminder by hand per post every twelve hours, however many people click and
 * however many instances run: the database decides, one statement at a time, and the row
 * it writes stays locked until the reminding transaction ends.
 */
@Component
class ReminderThrottle {

	static final Duration INTERVAL = Duration.ofHours(12);

	private final JdbcClient jdbc;

	ReminderThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the reminder slot of a post at {@code now} for someone reminding this many
	 * people; false when the last reminder was less than {@link #INTERVAL} before.
	 */
	boolean claim(long announcementId, long remindedBy, int reminded, Instant now) {
		Timestamp at = Timestamp.from(now);
		// The first reminder of a post inserts its row. Of two first reminders at
		// once, the second waits for the first's insert and then inserts nothing
		// (and its update below finds the slot taken).
		int first = this.jdbc.sql("""
				insert into tracking_reminders (announcement_id, reminded_at, reminded_by, reminded)
				select :announcement, :at, :by, :reminded
				where not exists (select 1 from tracking_reminders r where r.announcement_id = :announcement)
				on conflict do nothing""")
			.param("announcement", announcementId)
			.param("at", at)
			.param("by", remindedBy)
			.param("reminded", reminded)
			.update();
		if (first == 1) {
			return true;
		}
		// Later ones move the time forward only if the last is old enough; the
		// row lock makes a concurrent second update re-read the new time and
		// change nothing.
		return this.jdbc.sql("""
				update tracking_reminders set reminded_at = :at, reminded_by = :by, reminded = :reminded
				where announcement_id = :announcement and reminded_at <= :lastBefore""")
			.param("at", at)
			.param("by", remindedBy)
			.param("reminded", reminded)
			.param("announcement", announcementId)
			.param("lastBefore", Timestamp.from(now.minus(INTERVAL)))
			.update() == 1;
	}

	/**
	 * The last reminder of a post: when, by whom, how many people.
	 */
	Optional<Last> last(long announcementId) {
		return this.jdbc.sql("""
				select reminded_at, reminded_by, reminded from tracking_reminders
				where announcement_id = :announcement""")
			.param("announcement", announcementId)
			.query((rs, n) -> new Last(rs.getTimestamp("reminded_at").toInstant(), rs.getLong("reminded_by"),
					rs.getInt("reminded")))
			.optional();
	}

	record Last(Instant at, long by, int reminded) {

		Instant availableAt() {
			return this.at.plus(INTERVAL);
		}

	}

}
