package io.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test rows for the feed and post pages, written straight to the tables so a test says
 * exactly what was published when, to whom: its own people (signing in with the demo
 * password), its own channels, and published announcements with their deliveries. Every
 * name is unique in the JVM, so tests sharing the database never see each other's rows.
 */
public final class Announcing {

	public static final String PASSWORD = "herald-demo";

	private static final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

	private final JdbcTemplate jdbc;

	public Announcing(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new active person with an account holding EMPLOYEE and the given roles; signs in
	 * with {@link #PASSWORD}.
	 */
	public Person person(String name, String... roles) {
		long n = sequence.incrementAndGet();
		String email = (name.toLowerCase() + "." + n + "@feed.test");
		Timestamp now = Timestamp.from(Instant.now());
		Long employeeId = this.jdbc.queryForObject(
				"insert into employees (email, first_name, last_name, time_zone, language, active, created_at, "
						+ "updated_at) values (?, ?, ?, 'Europe/Warsaw', 'en', true, ?, ?) returning id",
				Long.class, email, name, "Reader" + n, now, now);
		String hash = this.jdbc.queryForObject("select a.password_hash from user_accounts a join employees e "
				+ "on e.id = a.employee_id where e.email = 'employee@herald.test'", String.class);
		Long accountId = this.jdbc.queryForObject("insert into user_accounts (employee_id, password_hash, enabled, "
				+ "created_at) values (?, ?, true, ?) returning id", Long.class, employeeId, hash, now);
		this.jdbc.update("insert into account_roles (account_id, role) values (?, 'EMPLOYEE')", accountId);
		for (String role : roles) {
			this.jdbc.update("insert into account_roles (account_id, role) values (?, ?)", accountId, role);
		}
		return new Person(employeeId, email);
	}

	/**
	 * A new optional topic channel.
	 */
	public Channel topic(String name) {
		return channel(name, false);
	}

	public Channel channel(String name, boolean mandatory) {
		String slug = "t-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + sequence.incrementAndGet();
		Long id = this.jdbc.queryForObject(
				"insert into channels (slug, name, kind, mandatory, created_at) values (?, ?, 'TOPIC', ?, ?) "
						+ "returning id",
				Long.class, slug, name, mandatory, Timestamp.from(Instant.now()));
		return new Channel(id, slug, name);
	}

	/**
	 * A published INFO announcement delivered to the recipients.
	 */
	public long publish(Channel channel, Person author, String title, Instant publishedAt, Person... recipients) {
		return publish(
				new Post(channel, author, title, null, "Body of " + title, "INFO", publishedAt, null, false, null),
				recipients);
	}

	public long publish(Post post, Person... recipients) {
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp published = Timestamp.from(post.publishedAt());
		Long id = this.jdbc.queryForObject("insert into announcements (channel_id, author_id, title, summary, body, "
				+ "priority, status, ack_required, ack_due_at, pinned_until, published_at, recipients, created_at, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
				post.channel().id(), post.author().employeeId(), post.title(), post.summary(), post.body(),
				post.priority(), post.ackRequired(), timestamp(post.ackDueAt()), timestamp(post.pinnedUntil()),
				published, recipients.length, now, now);
		for (Person recipient : recipients) {
			this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at) "
					+ "values (?, ?, ?, ?)", id, recipient.employeeId(), published, published);
		}
		return id;
	}

	/**
	 * An announcement that has not gone out, in this status ({@code DRAFT},
	 * {@code IN_REVIEW}, …), delivered to nobody.
	 */
	public long unpublished(Channel channel, Person author, String title, String status) {
		Timestamp now = Timestamp.from(Instant.now());
		return this.jdbc.queryForObject("insert into announcements (channel_id, author_id, title, body, priority, "
				+ "status, submitted_at, created_at, updated_at) values (?, ?, ?, ?, 'INFO', ?, ?, ?, ?) returning id",
				Long.class, channel.id(), author.employeeId(), title, "Body of " + title, status,
				"DRAFT".equals(status) ? null : now, now, now);
	}

	/**
	 * Makes the person a member of the channel: {@code OWNER} or {@code PUBLISHER}.
	 */
	public void member(Channel channel, Person person, String role) {
		this.jdbc.update("insert into channel_members (channel_id, employee_id, role) values (?, ?, ?)", channel.id(),
				person.employeeId(), role);
	}

	public void markRead(long announcementId, Person person, Instant at) {
		this.jdbc.update("update deliveries set read_at = ? where announcement_id = ? and employee_id = ?",
				Timestamp.from(at), announcementId, person.employeeId());
	}

	public Instant readAt(long announcementId, Person person) {
		Timestamp read = this.jdbc.queryForObject(
				"select read_at from deliveries where announcement_id = ? and employee_id = ?", Timestamp.class,
				announcementId, person.employeeId());
		return (read != null) ? read.toInstant() : null;
	}

	public boolean delivered(long announcementId, Person person) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from deliveries where announcement_id = ? and employee_id = ?", Long.class,
				announcementId, person.employeeId());
		return count != null && count > 0;
	}

	/**
	 * An id no announcement has.
	 */
	public long missingId() {
		Long max = this.jdbc.queryForObject("select coalesce(max(id), 0) from announcements", Long.class);
		return max + 1_000_000;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	public record Person(long employeeId, String email) {

		public TestHttp signIn(int port) {
			TestHttp http = new TestHttp(port);
			http.signIn(this.email, PASSWORD);
			return http;
		}

	}

	public record Channel(long id, String slug, String name) {

	}

	public record Post(Channel channel, Person author, String title, String summary, String body, String priority,
			Instant publishedAt, Instant pinnedUntil, boolean ackRequired, Instant ackDueAt) {

	}

}
