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

	private final JdbcTemplate jdbc;

	private final UserDetailsService users;

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final List<Long> announcements = new ArrayList<>();

	private final List<Long> channels = new ArrayList<>();

	AudienceFixture(JdbcTemplate jdbc, UserDetailsService users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long department(String name) {
		return this.jdbc.queryForObject("insert into departments (name, created_at) values (?, now()) returning id",
				Long.class, unique(name));
	}

	long location(String name) {
		return this.jdbc.queryForObject(
				"insert into locations (name, time_zone, created_at) values (?, 'Europe/Warsaw', now()) returning id",
				Long.class, unique(name));
	}

	long person(Long departmentId, Long locationId) {
		return person(departmentId, locationId, true);
	}

	long person(Long departmentId, Long locationId, boolean active) {
		String email = unique("audience").replace(' ', '.').toLowerCase(Locale.ROOT) + "@audience.test";
		return this.jdbc.queryForObject(
				"insert into employees (email, first_name, last_name, department_id, location_id, time_zone, language, "
						+ "active, created_at, updated_at) values (?, 'Ada', 'Audience', ?, ?, 'Europe/Warsaw', 'en', ?, "
						+ "now(), now()) returning id",
				Long.class, email, departmentId, locationId, active);
	}

	long channel(String kind, Long departmentId, Long locationId, boolean mandatory) {
		return channel(kind, departmentId, locationId, mandatory, false);
	}

	long channel(String kind, Long departmentId, Long locationId, boolean mandatory, boolean requiresReview) {
		String slug = unique(kind).replace(' ', '-').toLowerCase(Locale.ROOT);
		long id = this.jdbc.queryForObject(
				"insert into channels (slug, name, kind, department_id, location_id, mandatory, requires_review, "
						+ "created_at) values (?, ?, ?, ?, ?, ?, ?, now()) returning id",
				Long.class, slug, slug, kind, departmentId, locationId, mandatory, requiresReview);
		this.channels.add(id);
		return id;
	}

	String slug(long channelId) {
		return this.jdbc.queryForObject("select slug from channels where id = ?", String.class, channelId);
	}

	void subscribe(long channelId, long employeeId) {
		this.jdbc.update(
				"insert into channel_subscriptions (channel_id, employee_id, subscribed_at) values (?, ?, now())",
				channelId, employeeId);
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
			this.jdbc.update("delete from announcements where id = ?", id);
		}
		this.announcements.clear();
		for (long id : this.channels) {
			this.jdbc.update("delete from channels c where id = ? and not exists "
					+ "(select 1 from announcements a where a.channel_id = c.id)", id);
		}
		this.channels.clear();
	}

	List<Long> recipients(long announcementId) {
		return this.jdbc.queryForList(
				"select employee_id from deliveries where announcement_id = ? order by employee_id", Long.class,
				announcementId);
	}

	long deliveries(long announcementId, long employeeId) {
		return this.jdbc.queryForObject("select count(*) from deliveries where announcement_id = ? and employee_id = ?",
				Long.class, announcementId, employeeId);
	}

	Integer recipientCount(long announcementId) {
		return this.jdbc.queryForObject("select recipients from announcements where id = ?", Integer.class,
				announcementId);
	}

	List<Long> activePeople() {
		return this.jdbc.queryForList("select id from employees where active order by id", Long.class);
	}

	void expire(long announcementId) {
		this.jdbc.update("update announcements set expires_at = now() - interval '1 minute' where id = ?",
				announcementId);
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
