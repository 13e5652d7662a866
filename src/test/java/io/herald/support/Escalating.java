package io.herald.support;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Test rows for reminders and escalations: people in a time zone under a manager and
 * topic channels (through the directory and the channels, see {@link Organisation} and
 * {@link TestChannels}), and published posts asking for acknowledgement with their
 * deliveries, written straight to the tables in bulk. Names are unique in the JVM, so
 * tests sharing the database only ever look at their own rows. Portable SQL, so the rows
 * can be written on H2 too.
 */
public final class Escalating {

	private static final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final TestChannels channels;

	public Escalating(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.organisation = Organisation.of(context);
		this.channels = TestChannels.of(context);
	}

	/**
	 * A new active person without an account.
	 */
	public long person(String name, String timeZone, Long managerId) {
		return people(1, name, timeZone, managerId).get(0);
	}

	/**
	 * {@code count} new active people named "{name} Escalated {n}", without accounts.
	 */
	public List<Long> people(int count, String name, String timeZone, Long managerId) {
		return this.organisation.person(name, "Escalated")
			.livingIn(timeZone)
			.reportingTo(managerId)
			.mailedAt("escalation.test")
			.add(count);
	}

	public void manages(long managerId, Collection<Long> employeeIds) {
		this.jdbc.batchUpdate("update employees set manager_id = ? where id = ?",
				employeeIds.stream().map((id) -> new Object[] { managerId, id }).toList());
	}

	public void deactivate(long employeeId) {
		this.organisation.deactivate(employeeId);
	}

	/**
	 * A topic channel, optionally with an owner.
	 */
	public long channel(String name, Long ownerId) {
		long n = sequence.incrementAndGet();
		return this.channels.topic("esc-" + n, name + " " + n).ownedBy(ownerId).create();
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
