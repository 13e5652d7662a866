package io.herald.insight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.herald.tracking.DeliveryCounts;
import io.herald.support.Organisation;
import io.herald.support.SignedIn;
import io.herald.support.TestChannels;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Rows of a test's own for the insight tests: departments, locations, people and a topic
 * channel made through their modules ({@link Organisation}, {@link TestChannels}), posts
 * written straight to the tables (then counted as publishing does), each name unique in
 * the JVM so tests sharing the database never see each other's.
 */
final class InsightFixture {

	private static final AtomicLong sequence = new AtomicLong();

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final JdbcTemplate jdbc;

	private final UserDetailsService users;

	private final DeliveryCounts counts;

	private final List<Long> announcements = new ArrayList<>();

	private final Organisation organisation;

	private final TestChannels channels;

	InsightFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.users = context.getBean(UserDetailsService.class);
		this.counts = context.getBean(DeliveryCounts.class);
		this.organisation = Organisation.of(context);
		this.channels = TestChannels.of(context);
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long department(String name) {
		return this.organisation.department(unique(name));
	}

	long location(String name) {
		return this.organisation.location(unique(name));
	}

	List<Long> people(int count, Long departmentId, Long locationId, String lastName) {
		return this.organisation.person("Iga", lastName)
			.in(departmentId)
			.at(locationId)
			.speaking("pl")
			.mailedAt("insight.test")
			.add(count);
	}

	long topic(List<Long> subscribers, Instant createdAt) {
		String slug = unique("insight").replace(' ', '-').toLowerCase(Locale.ROOT);
		long id = this.channels.topic(slug, slug).create();
		// Back-dated: a channel starts when it is made, and the dashboards count from
		// then.
		this.jdbc.update("update channels set created_at = ? where id = ?", Timestamp.from(createdAt), id);
		this.channels.subscribe(id, subscribers);
		return id;
	}

	/**
	 * A post that went out at {@code publishedAt} to these people, counted as publishing
	 * does.
	 */
	long published(long channelId, String title, String priority, Instant publishedAt, Instant ackDueAt,
			List<Long> recipients) {
		long author = this.jdbc.queryForObject("select id from employees where email = 'comms@herald.test'",
				Long.class);
		Timestamp published = Timestamp.from(publishedAt);
		long id = this.jdbc.queryForObject(
				"insert into announcements (channel_id, author_id, title, body, priority, "
						+ "status, ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
						+ "values (?, ?, ?, 'Body', ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?) returning id",
				Long.class, channelId, author, unique(title), priority, ackDueAt != null,
				(ackDueAt != null) ? Timestamp.from(ackDueAt) : null, published, recipients.size(), published,
				published);
		this.announcements.add(id);
		for (long person : recipients) {
			this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
					+ "department_id, location_id) select ?, e.id, ?, ?, e.department_id, e.location_id "
					+ "from employees e where e.id = ?", id, published, published, person);
		}
		this.counts.recount(List.of(id));
		return id;
	}

	/**
	 * Marks a read (and an acknowledgement) straight in the table, as history is written:
	 * only counted once {@link DeliveryCounts#recount} runs.
	 */
	void history(long announcementId, long person, Duration readAfter, Duration ackAfter) {
		this.jdbc.update(
				"update deliveries set read_at = delivered_at + ? * interval '1' second, "
						+ "acknowledged_at = case when cast(? as bigint) is null then null "
						+ "else delivered_at + ? * interval '1' second end, "
						+ "acknowledged_revision = case when cast(? as bigint) is null then null else 1 end "
						+ "where announcement_id = ? and employee_id = ?",
				readAfter.toSeconds(), (ackAfter != null) ? ackAfter.toSeconds() : null,
				(ackAfter != null) ? ackAfter.toSeconds() : 0, (ackAfter != null) ? 1L : null, announcementId, person);
	}

	void recount(long announcementId) {
		this.counts.recount(List.of(announcementId));
	}

	void removeAnnouncements() {
		for (long id : this.announcements) {
			this.jdbc.update("delete from announcements where id = ?", id);
		}
		this.announcements.clear();
	}

	<T> T as(String email, Supplier<T> work) {
		return SignedIn.as(SignedIn.user(this.users.loadUserByUsername(email)), work);
	}

	<T> T asEmployee(long employeeId, Supplier<T> work) {
		return SignedIn.as(SignedIn.employee(employeeId), work);
	}

}
