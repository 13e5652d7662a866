package io.herald.announcement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.herald.shared.SignedInPerson;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Rows of the integration tests' own: departments, locations, people and channels with
 * names nobody else uses, so the tests can share the JVM's database with the demo
 * organisation and every other test. Announcements it publishes are removed by
 * {@link #removeAnnouncements()}.
 */
final class AudienceFixture {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	private final UserDetailsService users;

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final List<Long> announcements = new ArrayList<>();

	private final List<Long> channels = new ArrayList<>();

	AudienceFixture(JdbcTemplate jdbc, UserDetailsService users) {
		this.jdbc = JdbcClient.create(jdbc);
		this.users = users;
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long department(String name) {
		return this.jdbc.sql("insert into departments (name, created_at) values (:name, now()) returning id")
			.param("name", unique(name))
			.query(Long.class)
			.single();
	}

	long location(String name) {
		return this.jdbc.sql("""
				insert into locations (name, time_zone, created_at) values (:name, 'Europe/Warsaw', now())
				returning id""").param("name", unique(name)).query(Long.class).single();
	}

	long person(Long departmentId, Long locationId) {
		return person(departmentId, locationId, true);
	}

	long person(Long departmentId, Long locationId, boolean active) {
		String email = unique("audience").replace(' ', '.').toLowerCase(Locale.ROOT) + "@audience.test";
		return this.jdbc.sql("""
				insert into employees (email, first_name, last_name, department_id, location_id, time_zone, language,
				  active, created_at, updated_at)
				values (:email, 'Ada', 'Audience', :department, :location, 'Europe/Warsaw', 'en', :active, now(), now())
				returning id""")
			.param("email", email)
			.param("department", departmentId)
			.param("location", locationId)
			.param("active", active)
			.query(Long.class)
			.single();
	}

	long channel(String kind, Long departmentId, Long locationId, boolean mandatory) {
		return channel(kind, departmentId, locationId, mandatory, false);
	}

	long channel(String kind, Long departmentId, Long locationId, boolean mandatory, boolean requiresReview) {
		String slug = unique(kind).replace(' ', '-').toLowerCase(Locale.ROOT);
		long id = this.jdbc
			.sql("""
					insert into channels (slug, name, kind, department_id, location_id, mandatory, requires_review, created_at)
					values (:slug, :slug, :kind, :department, :location, :mandatory, :requiresReview, now())
					returning id""")
			.param("slug", slug)
			.param("kind", kind)
			.param("department", departmentId)
			.param("location", locationId)
			.param("mandatory", mandatory)
			.param("requiresReview", requiresReview)
			.query(Long.class)
			.single();
		this.channels.add(id);
		return id;
	}

	String slug(long channelId) {
		return this.jdbc.sql("select slug from channels where id = :channel")
			.param("channel", channelId)
			.query(String.class)
			.single();
	}

	void subscribe(long channelId, long employeeId) {
		this.jdbc.sql("""
				insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
				values (:channel, :employee, now())""")
			.param("channel", channelId)
			.param("employee", employeeId)
			.update();
	}

	/**
	 * Remembers an announcement to remove after the test.
	 */
	long track(long announcementId) {
		this.announcements.add(announcementId);
		return announcementId;
	}

	void removeAnnouncements() {
		for (long id : this.announcements) {
			this.jdbc.sql("delete from announcements where id = :announcement").param("announcement", id).update();
		}
		this.announcements.clear();
		for (long id : this.channels) {
			this.jdbc.sql("""
					delete from channels c
					where id = :channel and not exists (select 1 from announcements a where a.channel_id = c.id)""")
				.param("channel", id)
				.update();
		}
		this.channels.clear();
	}

	List<Long> recipients(long announcementId) {
		return this.jdbc
			.sql("select employee_id from deliveries where announcement_id = :announcement order by employee_id")
			.param("announcement", announcementId)
			.query(Long.class)
			.list();
	}

	long deliveries(long announcementId, long employeeId) {
		return this.jdbc.sql("""
				select count(*) from deliveries where announcement_id = :announcement and employee_id = :employee""")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query(Long.class)
			.single();
	}

	Integer recipientCount(long announcementId) {
		return this.jdbc.sql("select recipients from announcements where id = :announcement")
			.param("announcement", announcementId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	List<Long> activePeople() {
		return this.jdbc.sql("select id from employees where active order by id").query(Long.class).list();
	}

	void expire(long announcementId) {
		this.jdbc.sql("update announcements set expires_at = now() - interval '1 minute' where id = :announcement")
			.param("announcement", announcementId)
			.update();
	}

	static AnnouncementDraft draft(long channelId, Priority priority, boolean ackRequired) {
		return draft(channelId, priority, ackRequired, Set.of(), Set.of());
	}

	static AnnouncementDraft draft(long channelId, Priority priority, boolean ackRequired, Set<Long> departmentIds,
			Set<Long> locationIds) {
		return new AnnouncementDraft(channelId, "Audience test " + priority, null, "Body of the test post.", priority,
				ackRequired, null, departmentIds, locationIds, null, null, null, 0);
	}

	/**
	 * Runs as a demo account, loaded as signing in would.
	 */
	<T> T as(String email, Supplier<T> work) {
		UserDetails user = this.users.loadUserByUsername(email);
		return as(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
	}

	void as(String email, Runnable work) {
		as(email, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs as one of the fixture's people, who have no account: an employee signed in.
	 */
	void asEmployee(long employeeId, Runnable work) {
		Person person = new Person(-employeeId, employeeId, "person" + employeeId + "@audience.test",
				ZoneId.of("Europe/Warsaw"), Locale.ENGLISH);
		as(UsernamePasswordAuthenticationToken.authenticated(person, null,
				AuthorityUtils.createAuthorityList("ROLE_EMPLOYEE")), () -> {
					work.run();
					return null;
				});
	}

	private static <T> T as(Authentication authentication, Supplier<T> work) {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

	record Person(long accountId, long employeeId, String email, ZoneId timeZone,
			Locale locale) implements SignedInPerson {

	}

}
