package io.herald.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.shared.Callers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's in-app notifications: newest first, by cursor; each one theirs
 * alone to read and mark read. Someone else's notification is answered like one that does
 * not exist.
 */
@Service
@NamedInterface("api")
public class Inbox {

	public static final int MAX_PAGE = 100;

	// epochSecond.nanos.id of the last entry shown: creation times are stored to the
	// microsecond, so the cursor keeps full precision.
	private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([0-9]{1,18})");

	private static final String FIRST_PAGE = """
			select id, kind, subject, detail, link, critical, created_at, read_at
			from notifications
			where employee_id = :employee
			order by created_at desc, id desc
			limit :limit
			""";

	private static final String NEXT_PAGE = """
			select id, kind, subject, detail, link, critical, created_at, read_at
			from notifications
			where employee_id = :employee and (created_at < :created or (created_at = :created and id < :id))
			order by created_at desc, id desc
			limit :limit
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether this is a cursor {@link #page} gave out (it ignores anything else).
	 */
	public static boolean isCursor(String cursor) {
		return cursor != null && CURSOR.matcher(cursor).matches();
	}

	/**
	 * How many of the caller's notifications are unread: one indexed count.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public long unreadCount() {
		return this.jdbc.sql("""
				select count(*) from notifications where employee_id = :employee and read_at is null
				""").param("employee", Callers.require().employeeId()).query(Long.class).single();
	}

	/**
	 * A page of the caller's notifications, newest first, after a cursor from the
	 * previous page (anything that is not such a cursor starts from the newest).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public InboxPage page(String cursor, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		Matcher after = (cursor != null) ? CURSOR.matcher(cursor) : null;
		JdbcClient.StatementSpec statement;
		if (after != null && after.matches()) {
			statement = this.jdbc.sql(NEXT_PAGE)
				.param("created",
						Timestamp.from(
								Instant.ofEpochSecond(Long.parseLong(after.group(1)), Long.parseLong(after.group(2)))))
				.param("id", Long.parseLong(after.group(3)));
		}
		else {
			statement = this.jdbc.sql(FIRST_PAGE);
		}
		List<InboxEntry> entries = statement.param("employee", Callers.require().employeeId())
			.param("limit", limit + 1)
			.query(Inbox::entry)
			.list();
		String next = null;
		if (entries.size() > limit) {
			entries = entries.subList(0, limit);
			InboxEntry last = entries.get(limit - 1);
			next = last.createdAt().getEpochSecond() + "." + last.createdAt().getNano() + "." + last.id();
		}
		return new InboxPage(List.copyOf(entries), next);
	}

	/**
	 * Marks one of the caller's notifications read (once; again changes nothing).
	 * @throws NotificationNotFound when it is not the caller's
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void markRead(long id) {
		open(id);
	}

	/**
	 * Marks one of the caller's notifications read and answers where it leads: a path
	 * inside Herald.
	 * @throws NotificationNotFound when it is not the caller's
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public String open(long id) {
		long employeeId = Callers.require().employeeId();
		String link = this.jdbc.sql("""
				select link from notifications where id = :id and employee_id = :employee
				""")
			.param("id", id)
			.param("employee", employeeId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotificationNotFound(id));
		this.jdbc.sql("""
				update notifications set read_at = :now
				where id = :id and employee_id = :employee and read_at is null
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("employee", employeeId)
			.update();
		return link;
	}

	/**
	 * Marks what this person was notified of about this post read: they have answered it
	 * another way (a crisis alert's check-in), so it no longer waits for them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markReadAbout(long employeeId, long announcementId) {
		this.jdbc.sql("""
				update notifications set read_at = :now
				where employee_id = :employee and announcement_id = :announcement and read_at is null
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("employee", employeeId)
			.param("announcement", announcementId)
			.update();
	}

	/**
	 * Marks all of the caller's notifications read; answers how many were unread.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public int markAllRead() {
		return this.jdbc.sql("""
				update notifications set read_at = :now where employee_id = :employee and read_at is null
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("employee", Callers.require().employeeId())
			.update();
	}

	private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
		return new InboxEntry(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"),
				rs.getString("detail"), rs.getString("link"), rs.getBoolean("critical"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);
	}

}
