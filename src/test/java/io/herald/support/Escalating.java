package io.herald.support;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Test rows for reminders and escalations, written straight to the tables in bulk: people
 * in a time zone under a manager, and published posts asking for acknowledgement with
 * their deliveries. Names are unique in the JVM, so tests sharing the database only ever
 * look at their own rows. Portable SQL, so the rows can be written on H2 too.
 */
public final class Escalating {

	private static final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

	private final JdbcTemplate jdbc;

	public Escalating(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new active person without an account.
	 */
	public long person(String name, String timeZone, Long managerId) {
		return people(1, name, timeZone, managerId).get(0);
	}

	/**
	 * {@code count} new active people named "{name} {n}", without accounts.
	 */
	public List<Long> people(int count, String name, String timeZone, Long managerId) {
		String batch = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + sequence.incrementAndGet() + ".";
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			rows.add(new Object[] { batch + n + "@escalation.test", name, batch + n, managerId, timeZone, now, now });
		}
		this.jdbc.batchUpdate("insert into employees (email, first_name, last_name, manager_id, time_zone, language, "
				+ "active, created_at, updated_at) values (?, ?, ?, ?, ?, 'en', true, ?, ?)", rows);
		return this.jdbc.queryForList("select id from employees where email like ? order by id", Long.class,
				batch + "%");
	}

	public void manages(long managerId, Collection<Long> employeeIds) {
		this.jdbc.batchUpdate("update employees set manager_id = ? where id = ?",
				employeeIds.stream().map((id) -> new Object[] { managerId, id }).toList());
	}

	public void deactivate(long employeeId) {
		this.jdbc.update("update employees set active = false where id = ?", employeeId);
	}

	/**
	 * A topic channel, optionally with an owner.
	 */
	public long channel(String name, Long ownerId) {
		long n = sequence.incrementAndGet();
		long id = insert("insert into channels (slug, name, kind, created_at) values (?, ?, 'TOPIC', ?)", "esc-" + n,
				name + " " + n, Timestamp.from(Instant.now()));
		if (ownerId != null) {
			this.jdbc.update("insert into channel_members (channel_id, employee_id, role) values (?, ?, 'OWNER')", id,
					ownerId);
		}
		return id;
	}

	/**
	 * A published post asking for acknowledgement, delivered at publishing to every
	 * recipient.
	 */
	public long post(long channelId, long authorId, String priority, String title, Instant publishedAt, Instant dueAt,
			Collection<Long> recipients) {
		Timestamp published = Timestamp.from(publishedAt);
		long id = insert(
				"insert into announcements (channel_id, author_id, title, body, priority, status, "
						+ "ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
						+ "values (?, ?, ?, 'Body', ?, 'PUBLISHED', true, ?, ?, ?, ?, ?)",
				channelId, authorId, title, priority, (dueAt != null) ? Timestamp.from(dueAt) : null, published,
				recipients.size(), published, published);
		this.jdbc.batchUpdate(
				"insert into deliveries (announcement_id, employee_id, published_at, delivered_at) values (?, ?, ?, ?)",
				recipients.stream().map((employee) -> new Object[] { id, employee, published, published }).toList());
		return id;
	}

	// Generated keys rather than "returning": these rows are written on H2 too.
	private long insert(String sql, Object... arguments) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" });
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	public void acknowledge(long postId, long employeeId, Instant at) {
		this.jdbc.update("update deliveries set read_at = ?, acknowledged_at = ?, acknowledged_revision = "
				+ "(select ack_revision from announcements where id = ?) where announcement_id = ? and employee_id = ?",
				Timestamp.from(at), Timestamp.from(at), postId, postId, employeeId);
	}

	/**
	 * A material revision at {@code at} asks everyone to acknowledge again by
	 * {@code newDue}, as {@code Announcements.revise} records it.
	 */
	public void askAgain(long postId, long editorId, Instant at, Instant newDue) {
		this.jdbc.update("insert into announcement_revisions (announcement_id, revision, edited_by, edited_at, "
				+ "material, changed_fields, previous_title, previous_body) select id, revision, ?, ?, true, 'body', "
				+ "title, body from announcements where id = ?", editorId, Timestamp.from(at), postId);
		this.jdbc.update("update announcements set revision = revision + 1, ack_revision = revision + 1, "
				+ "ack_due_at = ? where id = ?", Timestamp.from(newDue), postId);
	}

}
