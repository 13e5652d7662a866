package io.herald.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DemoAnnouncementsTests implements PostgresIntegrationTest {

	// The demo's history: posts by demo people on the demo's channels published
	// before this run's tests began. Other tests share the database and add posts of
	// their own, some by demo people and dated in the past, on channels of their own.
	private static final String DEMO_POST = " a.author_id in (select id from employees where email like '%@herald.test') "
			+ "and a.channel_id in (select id from channels where slug in ('company', 'engineering', 'operations', "
			+ "'sales', 'facilities', 'finance', 'hr', 'communications', 'warsaw', 'krakow', 'taipei', 'london', "
			+ "'remote', 'it-status', 'benefits', 'social')) and a.published_at < ? ";

	// The demo's own deliveries, made when its posts went out: other tests add late
	// joiners to its posts and move its people, and a delivery keeps the department and
	// location its person had when it was made.
	private static final String DEMO_DELIVERY = " and d.late_joiner = false and d.delivered_at = d.published_at ";

	private static final String HISTORY = "select a.* from announcements a where " + DEMO_POST;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoAnnouncements demo;

	@Autowired
	Clock clock;

	@Test
	void createsTheCompanyDepartmentLocationAndTopicChannels() {
		List<String> slugs = this.jdbc.queryForList("select slug from channels", String.class);
		assertThat(slugs).contains("company", "engineering", "operations", "sales", "facilities", "finance", "hr",
				"communications", "warsaw", "krakow", "taipei", "london", "remote", "it-status", "benefits", "social");
		Map<String, Object> company = this.jdbc.queryForMap("""
				select c.name, c.kind, c.requires_review, e.email from channels c
				join channel_members m on m.channel_id = c.id and m.role = 'OWNER'
				join employees e on e.id = m.employee_id where c.slug = 'company'""");
		assertThat(company).containsEntry("name", "Company news")
			.containsEntry("kind", "COMPANY")
			.containsEntry("requires_review", true)
			.containsEntry("email", "comms@herald.test");
		assertThat(this.jdbc.queryForObject("select mandatory from channels where slug = 'it-status'", Boolean.class))
			.isTrue();
		Integer headIsPublisher = this.jdbc.queryForObject("""
				select count(*) from channels c join channel_members m on m.channel_id = c.id and m.role = 'PUBLISHER'
				join employees e on e.id = m.employee_id join employees chief on chief.id = e.manager_id
				where c.slug = 'engineering' and chief.manager_id is null and e.department_id = c.department_id""",
				Integer.class);
		assertThat(headIsPublisher).isOne();
	}

	@Test
	void roughlyHalfThePeopleFollowTheOptionalTopics() {
		double people = this.jdbc.queryForObject(
				"select count(*) from employees where active = true and email like '%@herald.test'", Double.class);
		for (String topic : List.of("benefits", "social")) {
			Integer subscribers = this.jdbc.queryForObject("""
					select count(*) from channel_subscriptions s join channels c on c.id = s.channel_id
					join employees e on e.id = s.employee_id where c.slug = ? and e.email like '%@herald.test'""",
					Integer.class, topic);
			assertThat(subscribers / people).as(topic).isBetween(0.4, 0.6);
		}
	}

	@Test
	void historySpansNinetyDaysWithAFewPostsAhead() {
		Instant now = this.clock.instant();
		Map<String, Object> span = this.jdbc.queryForMap(
				HISTORY.replace("a.*", "count(*) as posts, min(a.published_at) as first, max(a.published_at) as last"),
				recent());
		assertThat(((Number) span.get("posts")).intValue()).isBetween(50, 70);
		assertThat(instant(span.get("first"))).isBetween(now.minus(Duration.ofDays(91)),
				now.minus(Duration.ofDays(80)));
		assertThat(instant(span.get("last"))).isAfter(now.minus(Duration.ofDays(3)));
		assertThat(statuses("SCHEDULED")).isGreaterThanOrEqualTo(2);
		assertThat(statuses("DRAFT")).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from announcements a join channels c on c.id = a.channel_id
				join employees e on e.id = a.author_id
				where a.status = 'IN_REVIEW' and c.slug = 'company' and e.email <> 'comms@herald.test'""",
				Integer.class))
			.isPositive();
		assertThat(statuses("ARCHIVED")).isPositive();
	}

	@Test
	void eachPostReachedItsAudienceOnly() {
		Integer outsideTaipei = this.jdbc.queryForObject("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				join channels c on c.id = a.channel_id
				where c.slug = 'taipei' and d.location_id <> c.location_id and """ + DEMO_POST + DEMO_DELIVERY,
				Integer.class, recent());
		assertThat(outsideTaipei).isZero();
		Integer taipei = this.jdbc.queryForObject("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				where a.title = 'Typhoon warning: Taipei office closed today'""", Integer.class);
		assertThat(taipei).isBetween(40, 80);
		Integer narrowedOutside = this.jdbc.queryForObject("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				join announcement_locations al on al.announcement_id = a.id
				where """ + DEMO_POST + DEMO_DELIVERY + """
				and d.location_id not in (select al2.location_id from announcement_locations al2
				  where al2.announcement_id = a.id)""", Integer.class, recent());
		assertThat(narrowedOutside).isZero();
		Integer miscounted = this.jdbc.queryForObject(
				HISTORY.replace("a.*", "count(*)")
						+ " and a.recipients <> (select count(*) from deliveries d where d.announcement_id = a.id)",
				Integer.class, recent());
		assertThat(miscounted).isZero();
	}

	@Test
	void nobodyReadsBeforePublishingOrInTheFutureAndReadRatesAreRealistic() {
		Timestamp now = Timestamp.from(this.clock.instant());
		Integer impossible = this.jdbc.queryForObject(
				"""
						select count(*) from deliveries d join announcements a on a.id = d.announcement_id where (d.read_at < d.published_at or d.read_at > ?
						or d.acknowledged_at < d.read_at or d.acknowledged_at > ? or (d.acknowledged_at is not null and d.read_at is null)) and """
						+ DEMO_POST,
				Integer.class, now, now, recent());
		assertThat(impossible).isZero();
		Map<String, Object> rates = this.jdbc.queryForMap("""
				select count(*) as delivered, count(d.read_at) as read from deliveries d
				join announcements a on a.id = d.announcement_id where """ + DEMO_POST, recent());
		double readRate = ((Number) rates.get("read")).doubleValue() / ((Number) rates.get("delivered")).doubleValue();
		assertThat(readRate).isBetween(0.6, 0.95);
	}

	@Test
	void criticalPostsAreOverAndAcknowledgedByAll() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Map<String, Object>> critical = this.jdbc.queryForList(HISTORY + " and a.priority = 'CRITICAL'", recent());
		assertThat(critical).isNotEmpty()
			.allSatisfy((row) -> assertThat(instant(row.get("expires_at"))).isBefore(now.toInstant()));
		Integer unacknowledged = this.jdbc.queryForObject("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				where a.priority = 'CRITICAL' and d.acknowledged_at is null and """ + DEMO_POST + DEMO_DELIVERY,
				Integer.class, recent());
		assertThat(unacknowledged).isZero();
	}

	@Test
	void theDemoEmployeeHasAFewUnreadPostsAndOneOverdueAcknowledgement() {
		Timestamp now = Timestamp.from(this.clock.instant());
		// Incidents opened by journeys in this shared database reach the demo
		// employee too (crisis alerts and all-clears): they are not the demo's.
		Integer unread = this.jdbc.queryForObject("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				join employees e on e.id = d.employee_id where e.email = ? and d.read_at is null
				and a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > ?)
				and a.channel_id not in (select id from channels where slug = 'crisis-alerts')""", Integer.class,
				DemoAnnouncements.EMPLOYEE, now);
		assertThat(unread).isBetween(3, 8);
		List<String> overdue = this.jdbc.queryForList("""
				select a.title from deliveries d join announcements a on a.id = d.announcement_id
				join employees e on e.id = d.employee_id where e.email = ? and a.ack_required = true
				and d.acknowledged_at is null and a.ack_due_at < ? and a.status = 'PUBLISHED'
				and a.channel_id not in (select id from channels where slug = 'crisis-alerts')""", String.class,
				DemoAnnouncements.EMPLOYEE, now);
		assertThat(overdue).containsExactly("Secure coding standard v3: read and confirm");
	}

	@Test
	void theHistoryFloodsNoInboxAsIfItWereNew() {
		// Late joiners (people other tests move) are asked to acknowledge old posts
		// rightly; the history's own recipients are told nothing.
		Integer told = this.jdbc.queryForObject("""
				select count(*) from notifications n join announcements a on a.id = n.announcement_id
				join deliveries d on d.announcement_id = n.announcement_id and d.employee_id = n.employee_id
				where d.late_joiner = false and n.kind in ('CRITICAL_POST', 'IMPORTANT_POST', 'ACK_REQUEST')
				and""" + DEMO_POST, Integer.class, recent());
		assertThat(told).isZero();
	}

	@Test
	void runningAgainChangesNothing() throws Exception {
		Integer channels = this.jdbc.queryForObject("select count(*) from channels", Integer.class);
		Integer history = this.jdbc.queryForObject(HISTORY.replace("a.*", "count(*)"), Integer.class, recent());
		this.demo.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.queryForObject("select count(*) from channels", Integer.class)).isEqualTo(channels);
		assertThat(this.jdbc.queryForObject(HISTORY.replace("a.*", "count(*)"), Integer.class, recent()))
			.isEqualTo(history);
	}

	private int statuses(String status) {
		return this.jdbc.queryForObject("""
				select count(*) from announcements a join employees e on e.id = a.author_id
				where a.status = ? and e.email like '%@herald.test'""", Integer.class, status);
	}

	private Timestamp recent() {
		return Timestamp.from(this.clock.instant().minus(Duration.ofHours(6)));
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		throw new IllegalArgumentException("Not a time: " + value);
	}

}
