package io.herald.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.shared.Callers;

import org.springframework.jdbc.core.JdbcTemplate;
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
public class Inbox {

	public static final int MAX_PAGE = 100;

	// epochSecond.nanos.id of the last entry shown: creation times are stored to the
	// microsecond, so the cursor keeps full precision.
	private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([0-9]{1,18})");

	private static final String COLUMNS = "id, kind, subject, detail, link, critical, created_at, read_at";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, Clock clock) {
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
		Long count = this.jdbc.queryForObject(
				"select count(*) from notifications where employee_id = ? and read_at is null", Long.class,
				Callers.require().employeeId());
		return (count != null) ? count : 0;
	}

	/**
	 * A page of the caller's notifications, newest first, after a cursor from the
	 * previous page (anything that is not such a cursor starts from the newest).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public InboxPage page(String cursor, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from notifications where employee_id = ?");
		List<Object> arguments = new ArrayList<>(List.of(Callers.require().employeeId()));
		Matcher after = (cursor != null) ? CURSOR.matcher(cursor) : null;
		if (after != null && after.matches()) {
			Timestamp created = Timestamp
				.from(Instant.ofEpochSecond(Long.parseLong(after.group(1)), Long.parseLong(after.group(2))));
			sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
			arguments.addAll(List.of(created, created, Long.parseLong(after.group(3))));
		}
		sql.append(" order by created_at desc, id desc limit ?");
		arguments.add(limit + 1);
		List<InboxEntry> entries = this.jdbc.query(sql.toString(), Inbox::entry, arguments.toArray());
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
		List<String> links = this.jdbc.queryForList("select link from notifications where id = ? and employee_id = ?",
				String.class, id, employeeId);
		if (links.isEmpty()) {
			throw new NotificationNotFound(id);
		}
		this.jdbc.update("update notifications set read_at = ? where id = ? and employee_id = ? and read_at is null",
				Timestamp.from(this.clock.instant()), id, employeeId);
		return links.get(0);
	}

	/**
	 * Marks what this person was notified of about this post read: they have answered it
	 * another way (a crisis alert's check-in), so it no longer waits for them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markReadAbout(long employeeId, long announcementId) {
		this.jdbc.update(
				"update notifications set read_at = ? where employee_id = ? and announcement_id = ? and read_at is null",
				Timestamp.from(this.clock.instant()), employeeId, announcementId);
	}

	/**
	 * Marks all of the caller's notifications read; answers how many were unread.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public int markAllRead() {
		return this.jdbc.update("update notifications set read_at = ? where employee_id = ? and read_at is null",
				Timestamp.from(this.clock.instant()), Callers.require().employeeId());
	}

	private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
		return new InboxEntry(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"),
				rs.getString("detail"), rs.getString("link"), rs.getBoolean("critical"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);
	}

}
