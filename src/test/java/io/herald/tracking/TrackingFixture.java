package io.herald.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.herald.support.SignedIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The tracking tests' own rows: departments, locations, people (without accounts) and
 * topic channels with names nobody else uses, and posts written straight to the tables
 * with their deliveries and counters, so a test says exactly who got what when. Posts are
 * removed by {@link #removeAnnouncements()}.
 */
final class TrackingFixture {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final JdbcClient sql;

	private final UserDetailsService users;

	private final DeliveryCounts counts;

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final List<Long> announcements = new ArrayList<>();

	TrackingFixture(JdbcTemplate jdbc, UserDetailsService users, DeliveryCounts counts) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.users = users;
		this.counts = counts;
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long department(String name) {
		return this.sql.sql("insert into departments (name, created_at) values (:name, now()) returning id")
			.param("name", unique(name))
			.query(Long.class)
			.single();
	}

	long location(String name) {
		return this.sql.sql("""
				insert into locations (name, time_zone, created_at) values (:name, 'Europe/Warsaw', now())
				returning id""").param("name", unique(name)).query(Long.class).single();
	}

	long person(Long departmentId, Long locationId) {
		return people(1, departmentId, locationId).get(0);
	}

	/**
	 * Active people in one batch, in id order.
	 */
	List<Long> people(int count, Long departmentId, Long locationId) {
		String prefix = unique("tracked").replace(' ', '.').toLowerCase(Locale.ROOT);
		List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
		this.jdbc.batchUpdate("""
				insert into employees (email, first_name, last_name, department_id, location_id, time_zone, language,
				  active, created_at, updated_at)
				values (?, 'Tess', ?, ?, ?, 'Europe/Warsaw', 'en', true, now(), now())""", numbers, 500,
				(statement, n) -> {
					statement.setString(1, prefix + "." + n + "@tracking.test");
					statement.setString(2, "Tracked " + n);
					statement.setObject(3, departmentId);
					statement.setObject(4, locationId);
				});
		return this.sql.sql("select id from employees where email like :prefix order by id")
			.param("prefix", prefix + ".%")
			.query(Long.class)
			.list();
	}

	/**
	 * An optional topic channel these people subscribe to.
	 */
	long topic(List<Long> subscribers) {
		String slug = unique("tracking").replace(' ', '-').toLowerCase(Locale.ROOT);
		long id = this.sql.sql("""
				insert into channels (slug, name, kind, mandatory, created_at)
				values (:slug, :slug, 'TOPIC', false, now())
				returning id""").param("slug", slug).query(Long.class).single();
		this.jdbc.batchUpdate("""
				insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
				values (?, ?, now())""", subscribers, 500, (statement, person) -> {
			statement.setLong(1, id);
			statement.setLong(2, person);
		});
		return id;
	}

	String slug(long channelId) {
		return this.sql.sql("select slug from channels where id = :channel")
			.param("channel", channelId)
			.query(String.class)
			.single();
	}

	/**
	 * A post that went out at {@code publishedAt} to these people (department and
	 * location as they stand now), its counters counted from scratch as publishing does.
	 */
	long published(long channelId, String priority, boolean ackRequired, Instant publishedAt, Instant ackDueAt,
			List<Long> recipients) {
		long author = this.sql.sql("select id from employees where email = 'comms@herald.test'")
			.query(Long.class)
			.single();
		Timestamp published = Timestamp.from(publishedAt);
		long id = this.sql.sql("""
				insert into announcements (channel_id, author_id, title, body, priority, status, ack_required,
				  ack_due_at, published_at, recipients, created_at, updated_at)
				values (:channel, :author, :title, :body, :priority, 'PUBLISHED', :ackRequired,
				  :ackDueAt, :published, :recipients, :published, :published)
				returning id""")
			.param("channel", channelId)
			.param("author", author)
			.param("title", unique("Tracked post"))
			.param("body", "Please read **this**.")
			.param("priority", priority)
			.param("ackRequired", ackRequired)
			.param("ackDueAt", (ackDueAt != null) ? Timestamp.from(ackDueAt) : null)
			.param("published", published)
			.param("recipients", recipients.size())
			.query(Long.class)
			.single();
		this.announcements.add(id);
		this.jdbc.batchUpdate("""
				insert into deliveries (announcement_id, employee_id, published_at, delivered_at, department_id,
				  location_id)
				select ?, e.id, ?, ?, e.department_id, e.location_id from employees e where e.id = ?""", recipients,
				500, (statement, person) -> {
					statement.setLong(1, id);
					statement.setTimestamp(2, published);
					statement.setTimestamp(3, published);
					statement.setLong(4, person);
				});
		this.counts.recount(List.of(id));
		return id;
	}

	/**
	 * Remembers a post published some other way, to remove after the test.
	 */
	long track(long announcementId) {
		this.announcements.add(announcementId);
		return announcementId;
	}

	void removeAnnouncements() {
		for (long id : this.announcements) {
			this.sql.sql("delete from announcements where id = :announcement").param("announcement", id).update();
		}
		this.announcements.clear();
	}

	/**
	 * The figures counted from scratch over the post's deliveries at {@code now}, by
	 * department and location as delivered ({@code 0} for none): what the counters must
	 * always equal.
	 */
	Map<List<Long>, TrackingFigures> recount(long announcementId, Instant now) {
		Map<List<Long>, TrackingFigures> figures = new java.util.HashMap<>();
		this.sql.sql("""
				select coalesce(d.department_id, 0) as department_id, coalesce(d.location_id, 0) as location_id,
				  count(*) as delivered, count(d.read_at) as read_count,
				  sum(case when a.ack_required and d.acknowledged_revision >= a.ack_revision then 1 else 0 end)
				    as acknowledged,
				  sum(case when a.ack_required and d.acknowledged_revision >= a.ack_revision
				    and (greatest(d.ack_due_at, a.ack_due_at) is null
				      or d.acknowledged_at <= greatest(d.ack_due_at, a.ack_due_at)) then 1 else 0 end)
				    as acknowledged_on_time,
				  sum(case when a.ack_required
				    and (d.acknowledged_revision is null or d.acknowledged_revision < a.ack_revision)
				    and greatest(d.ack_due_at, a.ack_due_at) < :now then 1 else 0 end) as overdue
				from deliveries d join announcements a on a.id = d.announcement_id
				where d.announcement_id = :announcement
				group by coalesce(d.department_id, 0), coalesce(d.location_id, 0)""")
			.param("now", Timestamp.from(now))
			.param("announcement", announcementId)
			.query((java.sql.ResultSet rs) -> {
				figures.put(List.of(rs.getLong("department_id"), rs.getLong("location_id")),
						new TrackingFigures(rs.getLong("delivered"), rs.getLong("read_count"),
								rs.getLong("acknowledged"), rs.getLong("acknowledged_on_time"), rs.getLong("overdue")));
			});
		return figures;
	}

	/**
	 * Runs as one of the fixture's people: an employee signed in.
	 */
	<T> T asEmployee(long employeeId, Supplier<T> work) {
		return SignedIn.as(SignedIn.employee(employeeId), work);
	}

	void asEmployee(long employeeId, Runnable work) {
		SignedIn.as(SignedIn.employee(employeeId), work);
	}

	/**
	 * Runs as a demo account, loaded as signing in would.
	 */
	<T> T as(String email, Supplier<T> work) {
		return SignedIn.as(SignedIn.user(this.users.loadUserByUsername(email)), work);
	}

	void as(String email, Runnable work) {
		SignedIn.as(SignedIn.user(this.users.loadUserByUsername(email)), work);
	}

}
