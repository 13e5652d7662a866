package io.herald.demo;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.announcement.AnnouncementHistory;
import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.PastPost;
import io.herald.announcement.Priority;
import io.herald.shared.Text;
import io.herald.tracking.DeliveryCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo organisation its channels and 90 days of history: a company channel with
 * review, one channel per department and per location, three topic channels, and about
 * sixty posts with realistic reading and acknowledging, a few scheduled, drafted or in
 * review ({@link DemoScript}). Runs after the organisation exists and only while there
 * are no channels, so restarts keep whatever was changed.
 *
 * <p>
 * Who read what is decided by a hash of the person and the post, not by a random
 * generator: set-based updates, the same result on every run, and nobody reads a post
 * before it went out or after now.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("herald.demo.enabled")
class DemoAnnouncements implements ApplicationRunner {

	static final String EMPLOYEE = "employee@herald.test";

	private static final Logger log = LoggerFactory.getLogger(DemoAnnouncements.class);

	// Three independent deterministic "dice" per (person, post), each 0..999.
	private static final String READ_DIE = "cast(mod(employee_id * 2654435761 + announcement_id * 97, 1000) as bigint)";

	private static final String DELAY_DIE = "cast(mod(employee_id * 40503 + announcement_id * 2246822519, 1000) as bigint)";

	private static final String ACK_DIE = "cast(mod(employee_id * 69069 + announcement_id * 362437, 1000) as bigint)";

	// %1$s: the read die, %2$s: the delay die. delay = 2 min + die^4 / divisor: the
	// median reader takes about 1/16 of the maximum.
	private static final String READ = """
			update deliveries
			set read_at = published_at + (2 + %2$s * %2$s * %2$s * %2$s / :divisor) * interval '1' minute
			where announcement_id = :post and %1$s < :readRate
			  and published_at + (2 + %2$s * %2$s * %2$s * %2$s / :divisor) * interval '1' minute < :now
			""".formatted(READ_DIE, DELAY_DIE);

	// %1$s: the acknowledgement die, for whether and how soon after reading.
	private static final String ACKNOWLEDGE = """
			update deliveries
			set acknowledged_at = read_at + (1 + %1$s * :spread / 1000) * interval '1' minute,
			    acknowledged_revision = 1
			where announcement_id = :post and read_at is not null and %1$s < :ackRate
			  and read_at + (1 + %1$s * :spread / 1000) * interval '1' minute < :now
			""".formatted(ACK_DIE);

	private final JdbcClient jdbc;

	// The per-post reading is one JDBC batch a step.
	private final NamedParameterJdbcTemplate batches;

	private final AnnouncementHistory history;

	private final DeliveryCounts counts;

	private final Clock clock;

	DemoAnnouncements(JdbcTemplate jdbc, AnnouncementHistory history, DeliveryCounts counts, Clock clock) {
		this.jdbc = JdbcClient.create(jdbc);
		this.batches = new NamedParameterJdbcTemplate(jdbc);
		this.history = history;
		this.counts = counts;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		long channels = this.jdbc.sql("""
				select count(*) from channels
				""").query(Long.class).single();
		if (channels > 0) {
			log.info("Channels exist already; the demo channels and history are left as they are");
			return;
		}
		People people = new People(this.jdbc);
		if (people.comms == null || people.employee == null) {
			log.info("The directory is not the demo organisation; no demo channels or history are created");
			return;
		}
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		Map<String, Long> channelIds = createChannels(people, now);
		List<Post> posts = new DemoScript(now, people).posts();
		List<Long> ids = this.history.record(posts.stream().map((post) -> post.toPastPost(channelIds)).toList());
		for (int i = 0; i < posts.size(); i++) {
			posts.get(i).id = ids.get(i);
		}
		simulateReading(posts, now);
		shapeTheEmployeesFeed(posts, people.employee);
		// The history's reads were written directly: the tracking counters are
		// counted from them once.
		this.counts.recount(ids);
		log.info("Created {} demo channels and {} demo posts over the last 90 days in {} ms", channelIds.size(),
				posts.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private Map<String, Long> createChannels(People people, Instant now) {
		Timestamp created = Timestamp.from(now.minus(120, ChronoUnit.DAYS));
		channel("company", "Company news",
				"News and decisions for everyone at the company. Posts are reviewed before they go out.", "COMPANY",
				null, null, false, true, created);
		this.jdbc.sql("""
				select id, name from departments order by name
				""").query((rs) -> {
			String name = rs.getString("name");
			channel(slug(name), name, "For everyone in " + name + ".", "DEPARTMENT", rs.getLong("id"), null, false,
					false, created);
		});
		this.jdbc.sql("""
				select id, name from locations order by name
				""").query((rs) -> {
			String name = rs.getString("name");
			channel(slug(name), name, "For everyone based in " + name + ".", "LOCATION", null, rs.getLong("id"), false,
					false, created);
		});
		channel("it-status", "IT status",
				"Outages, maintenance windows and security notices from IT. Everyone receives these.", "TOPIC", null,
				null, true, false, created);
		channel("benefits", "Benefits",
				"Health cover, pensions, enrolment windows and perks. Subscribe to hear about them.", "TOPIC", null,
				null, false, false, created);
		channel("social", "Social", "Parties, sports, volunteering and everything else after hours.", "TOPIC", null,
				null, false, false, created);
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("""
				select slug, id from channels
				""").query((rs) -> {
			ids.put(rs.getString("slug"), rs.getLong("id"));
		});
		member(ids.get("company"), people.comms, "OWNER");
		for (String topic : List.of("it-status", "benefits", "social")) {
			member(ids.get(topic), people.comms, "OWNER");
		}
		member(ids.get("it-status"), people.admin, "PUBLISHER");
		member(ids.get("benefits"), people.hr, "PUBLISHER");
		// Each department's head posts to their department's channel.
		this.jdbc.sql("""
				insert into channel_members (channel_id, employee_id, role)
				select c.id, min(e.id), 'PUBLISHER' from channels c
				join employees e on e.department_id = c.department_id
				join employees chief on chief.id = e.manager_id and chief.manager_id is null
				where c.kind = 'DEPARTMENT' group by c.id
				""").update();
		// Location channels: each site's facilities lead posts there, the comms
		// manager owns them.
		this.jdbc.sql("""
				insert into channel_members (channel_id, employee_id, role)
				select c.id, :comms, 'OWNER' from channels c where c.kind = 'LOCATION'
				""").param("comms", people.comms).update();
		this.jdbc.sql("""
				insert into channel_members (channel_id, employee_id, role)
				select c.id, min(e.id), 'PUBLISHER' from channels c
				join employees e on e.location_id = c.location_id and e.job_title = 'Site Manager'
				where c.kind = 'LOCATION' and e.id <> :comms group by c.id
				""").param("comms", people.comms).update();
		// Roughly half the people follow the optional topics; the demo employee
		// follows both.
		this.jdbc.sql("""
				insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
				select c.id, e.id, :subscribed from channels c cross join employees e
				where e.active = true and ((c.slug = 'benefits' and mod(e.id * 2654435761, 100) < 56)
				  or (c.slug = 'social' and mod(e.id * 40503 + 17, 100) < 47)
				  or (c.slug in ('benefits', 'social') and e.id = :employee))
				""")
			.param("subscribed", Timestamp.from(now.minus(100, ChronoUnit.DAYS)))
			.param("employee", people.employee)
			.update();
		return ids;
	}

	private void channel(String slug, String name, String description, String kind, Long departmentId, Long locationId,
			boolean mandatory, boolean requiresReview, Timestamp created) {
		this.jdbc.sql("""
				insert into channels (slug, name, description, kind, department_id, location_id, mandatory,
				    requires_review, archived, created_at)
				values (:slug, :name, :description, :kind, :department, :location, :mandatory, :requiresReview, false,
				    :created)
				""")
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("kind", kind)
			.param("department", departmentId, Types.BIGINT)
			.param("location", locationId, Types.BIGINT)
			.param("mandatory", mandatory)
			.param("requiresReview", requiresReview)
			.param("created", created)
			.update();
	}

	private void member(long channelId, long employeeId, String role) {
		this.jdbc.sql("""
				insert into channel_members (channel_id, employee_id, role) values (:channel, :employee, :role)
				""").param("channel", channelId).param("employee", employeeId).param("role", role).update();
	}

	/**
	 * Marks reads and acknowledgements per post: most people read within hours, a tail
	 * takes days; important posts are read and acknowledged more, critical ones by all.
	 */
	private void simulateReading(List<Post> posts, Instant now) {
		Timestamp nowStamp = Timestamp.from(now);
		// One batch each for all posts.
		this.batches.batchUpdate(READ,
				posts.stream()
					.filter(Post::wentOut)
					.map((post) -> new MapSqlParameterSource().addValue("post", post.id)
						.addValue("divisor", 1_000_000_000_000L / post.maxReadDelay().toMinutes())
						.addValue("readRate", Math.round(post.readRate() * 1000))
						.addValue("now", nowStamp))
					.toArray(SqlParameterSource[]::new));
		this.batches.batchUpdate(ACKNOWLEDGE,
				posts.stream()
					.filter((post) -> post.wentOut() && post.ackRequired)
					.map((post) -> new MapSqlParameterSource().addValue("post", post.id)
						.addValue("spread", Math.max(5, post.maxReadDelay().toMinutes() / 20))
						.addValue("ackRate", Math.round(post.ackRate * 1000))
						.addValue("now", nowStamp))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * The demo employee signs in to a few unread posts and one overdue acknowledgement.
	 */
	private void shapeTheEmployeesFeed(List<Post> posts, long employee) {
		this.jdbc.sql("""
				update deliveries set read_at = coalesce(read_at, published_at + interval '37' minute)
				where employee_id = :employee
				""").param("employee", employee).update();
		for (Post post : posts) {
			if (post.unreadByEmployee) {
				this.jdbc.sql("""
						update deliveries set read_at = null, acknowledged_at = null, acknowledged_revision = null
						where announcement_id = :post and employee_id = :employee
						""").param("post", post.id).param("employee", employee).update();
			}
			else if (post.wentOut() && post.ackRequired) {
				// Only the one overdue post is left for them to acknowledge.
				this.jdbc.sql("""
						update deliveries set read_at = coalesce(read_at, published_at + interval '37' minute)
						where announcement_id = :post and employee_id = :employee
						""").param("post", post.id).param("employee", employee).update();
				this.jdbc.sql("""
						update deliveries
						set acknowledged_at = coalesce(acknowledged_at, read_at + interval '4' minute),
						    acknowledged_revision = 1
						where announcement_id = :post and employee_id = :employee
						""").param("post", post.id).param("employee", employee).update();
			}
		}
	}

	static String slug(String name) {
		String slug = Text.searchable(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return slug.isEmpty() ? "channel" : slug;
	}

	/**
	 * The people who write the posts.
	 */
	static final class People {

		final Long comms;

		final Long commsHead;

		final Long hr;

		final Long admin;

		final Long employee;

		final Map<String, Long> departments = new HashMap<>();

		final Map<String, Long> locations = new HashMap<>();

		final Map<String, Long> heads = new HashMap<>();

		People(JdbcClient jdbc) {
			this.comms = byEmail(jdbc, "comms@herald.test");
			this.hr = byEmail(jdbc, "hr@herald.test");
			this.admin = byEmail(jdbc, "admin@herald.test");
			this.employee = byEmail(jdbc, EMPLOYEE);
			jdbc.sql("select id, name from departments").query((rs) -> {
				this.departments.put(rs.getString("name"), rs.getLong("id"));
			});
			jdbc.sql("select id, name from locations").query((rs) -> {
				this.locations.put(rs.getString("name"), rs.getLong("id"));
			});
			jdbc.sql("""
					select d.name, min(e.id) as head from departments d join employees e on e.department_id = d.id
					join employees chief on chief.id = e.manager_id and chief.manager_id is null
					group by d.name
					""").query((rs) -> {
				this.heads.put(rs.getString("name"), rs.getLong("head"));
			});
			Long head = this.heads.get("Communications");
			this.commsHead = (head != null && !head.equals(this.comms)) ? head : this.hr;
		}

		private static Long byEmail(JdbcClient jdbc, String email) {
			return jdbc.sql("select id from employees where email = :email")
				.param("email", email)
				.query(Long.class)
				.optional()
				.orElse(null);
		}

		long head(String department) {
			return this.heads.getOrDefault(department, this.comms);
		}

	}

	/**
	 * One post of the script, with how its audience reads it.
	 */
	static final class Post {

		final String channel;

		final long author;

		final Instant at;

		final Priority priority;

		final String title;

		final String summary;

		final String body;

		AnnouncementStatus status = AnnouncementStatus.PUBLISHED;

		boolean ackRequired;

		Instant ackDueAt;

		Instant pinnedUntil;

		Instant expiresAt;

		Instant scheduledAt;

		Instant archivedAt;

		final Set<Long> departments = new LinkedHashSet<>();

		final Set<Long> locations = new LinkedHashSet<>();

		Double readRate;

		double ackRate = 0.9;

		boolean unreadByEmployee;

		long id;

		Post(String channel, long author, Instant at, Priority priority, String title, String summary, String body) {
			this.channel = channel;
			this.author = author;
			this.at = at;
			this.priority = priority;
			this.title = title;
			this.summary = summary;
			this.body = body;
		}

		boolean wentOut() {
			return this.status == AnnouncementStatus.PUBLISHED || this.status == AnnouncementStatus.ARCHIVED;
		}

		double readRate() {
			if (this.readRate != null) {
				return this.readRate;
			}
			return switch (this.priority) {
				case CRITICAL -> 1.0;
				case IMPORTANT -> 0.94;
				case INFO -> switch (this.channel) {
					case "company" -> 0.86;
					case "social" -> 0.62;
					case "benefits" -> 0.7;
					case "it-status" -> 0.76;
					default -> 0.8;
				};
			};
		}

		Duration maxReadDelay() {
			return switch (this.priority) {
				case CRITICAL -> Duration.ofMinutes(110);
				case IMPORTANT -> Duration.ofDays(4);
				case INFO -> Duration.ofDays(8);
			};
		}

		PastPost toPastPost(Map<String, Long> channelIds) {
			Long channelId = channelIds.get(this.channel);
			if (channelId == null) {
				throw new IllegalStateException("No demo channel " + this.channel);
			}
			return new PastPost(channelId, this.author, this.title, this.summary, this.body, this.priority, this.status,
					this.ackRequired, this.ackDueAt, this.departments, this.locations, this.pinnedUntil, this.expiresAt,
					this.scheduledAt, this.at, this.archivedAt);
		}

	}

}
