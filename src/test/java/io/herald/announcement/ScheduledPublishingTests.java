package io.herald.announcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.herald.audit.AuditLog;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled posts go out exactly once, whichever instance claims them, and posts that
 * fell due while Herald was down go out on start, marked late. The application's own
 * poller is slowed to once an hour here, so that only the publishers under test publish.
 */
@SpringBootTest(properties = "herald.publishing.poll-interval=1h")
class ScheduledPublishingTests implements PostgresIntegrationTest {

	static final int POSTS = 100;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Publishing publishing;

	@Autowired
	Clock clock;

	@Autowired
	ScheduledPublisher scheduler;

	@Autowired
	AuditLog auditLog;

	@Autowired
	UserDetailsService users;

	AudienceFixture fixture;

	long channel;

	long author;

	long warsaw;

	List<Long> everyone;

	List<Long> inWarsaw;

	@BeforeEach
	void audience() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		long department = this.fixture.department("Scheduling");
		this.warsaw = this.fixture.location("Scheduling Warsaw");
		long taipei = this.fixture.location("Scheduling Taipei");
		this.inWarsaw = List.of(this.fixture.person(department, this.warsaw),
				this.fixture.person(department, this.warsaw), this.fixture.person(department, this.warsaw));
		List<Long> inTaipei = List.of(this.fixture.person(department, taipei), this.fixture.person(department, taipei));
		this.fixture.person(department, this.warsaw, false);
		this.everyone = new ArrayList<>(this.inWarsaw);
		this.everyone.addAll(inTaipei);
		this.everyone.sort(null);
		this.author = this.inWarsaw.get(0);
		this.channel = this.fixture.channel("DEPARTMENT", department, null, false);
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void twoInstancesRacingPublishEveryDuePostExactlyOnce() throws Exception {
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < POSTS; i++) {
			long post = scheduled("interval '-1 minute'", i % 3 == 0);
			if (i % 2 == 0) {
				this.jdbc.update("insert into announcement_locations (announcement_id, location_id) values (?, ?)",
						post, this.warsaw);
			}
			posts.add(post);
		}
		ScheduledPublisher first = new ScheduledPublisher(this.sql, this.transactions, this.publishing, this.clock,
				new PublishingSettings(Duration.ofMinutes(2)));
		ScheduledPublisher second = new ScheduledPublisher(this.sql, this.transactions, this.publishing, this.clock,
				new PublishingSettings(Duration.ofMinutes(2)));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> runFirst = () -> {
				start.await();
				return first.publishDue();
			};
			Callable<Integer> runSecond = () -> {
				start.await();
				return second.publishDue();
			};
			Future<Integer> firstCount = threads.submit(runFirst);
			Future<Integer> secondCount = threads.submit(runSecond);
			start.countDown();
			// get() rethrows whatever a publisher threw, a duplicate delivery's
			// key violation included.
			int published = firstCount.get(2, TimeUnit.MINUTES) + secondCount.get(2, TimeUnit.MINUTES);
			assertThat(published).isEqualTo(POSTS);
			System.out.printf("Scheduled publishing race: %d and %d posts%n", firstCount.get(), secondCount.get());
		}
		finally {
			threads.shutdownNow();
		}
		for (int i = 0; i < POSTS; i++) {
			long post = posts.get(i);
			List<Long> audience = (i % 2 == 0) ? this.inWarsaw : this.everyone;
			assertThat(status(post)).isEqualTo("PUBLISHED");
			assertThat(this.fixture.recipients(post)).as("deliveries of post %d", i)
				.containsExactlyElementsOf(audience);
			assertThat(this.fixture.recipientCount(post)).isEqualTo(audience.size());
			assertThat(publishedAudits(post)).containsExactly("announcement.published");
		}
	}

	@Test
	void restartCatchesUpOnPostsThatFellDueWhileDown() {
		long missed = scheduled("interval '-10 minutes'", true);
		long missedLongAgo = scheduled("interval '-3 hours'", false);
		long justDue = scheduled("interval '-5 seconds'", true);
		long future = scheduled("interval '1 hour'", true);

		this.scheduler.catchUpOnStart();

		assertThat(status(missed)).isEqualTo("PUBLISHED");
		assertThat(late(missed)).isTrue();
		assertThat(publishedAudits(missed)).containsExactly("announcement.published.late");
		assertThat(status(missedLongAgo)).isEqualTo("PUBLISHED");
		assertThat(late(missedLongAgo)).isTrue();
		assertThat(status(justDue)).isEqualTo("PUBLISHED");
		assertThat(late(justDue)).isFalse();
		assertThat(publishedAudits(justDue)).containsExactly("announcement.published");
		assertThat(status(future)).isEqualTo("SCHEDULED");
		assertThat(this.fixture.recipients(future)).isEmpty();
		assertThat(publishedAudits(future)).isEmpty();
		for (long post : List.of(missed, missedLongAgo, justDue)) {
			assertThat(this.fixture.recipients(post)).containsExactlyElementsOf(this.everyone);
		}
	}

	@Test
	void acknowledgementIsDueAfterThePrioritysWindowFromPublishing() {
		long post = scheduled("interval '-1 minute'", true);
		this.scheduler.publishDue();
		Map<String, Object> row = this.jdbc
			.queryForMap("select published_at, ack_due_at, extract(epoch from ack_due_at - published_at) as window "
					+ "from announcements where id = ?", post);
		assertThat(((Number) row.get("window")).longValue())
			.isEqualTo(Priority.IMPORTANT.defaultAckWindow().toSeconds());
	}

	@Test
	void aPostThatFailsToPublishDoesNotHoldUpThePostsAfterIt() {
		long failing = scheduled("interval '-2 minutes'", false);
		long next = scheduled("interval '-1 minute'", false);
		Publishing breaksOnOne = new Publishing(this.sql, (event) -> {
		}, this.auditLog) {
			@Override
			Optional<Integer> publish(long id, Instant now, boolean late) {
				if (id == failing) {
					throw new IllegalStateException("This one cannot go out");
				}
				return super.publish(id, now, late);
			}
		};
		ScheduledPublisher publisher = new ScheduledPublisher(this.sql, this.transactions, breaksOnOne, this.clock,
				new PublishingSettings(Duration.ofMinutes(2)));

		assertThat(publisher.publishDue()).isPositive();

		assertThat(status(next)).isEqualTo("PUBLISHED");
		// The failed post was rolled back and stays scheduled for the next poll
		// (unless another test context's poller, with a working publisher, took
		// it since).
		assertThat(this.fixture.recipients(next)).containsExactlyElementsOf(this.everyone);
	}

	@Test
	void nothingDueMeansNothingPublished() {
		long future = scheduled("interval '10 minutes'", false);
		assertThat(new ScheduledPublisher(this.sql, this.transactions, this.publishing, this.clock,
				new PublishingSettings(Duration.ofMinutes(2)))
			.publishDue()).isZero();
		assertThat(status(future)).isEqualTo("SCHEDULED");
	}

	private long scheduled(String fromNow, boolean ackRequired) {
		long id = this.jdbc.queryForObject(
				"insert into announcements (channel_id, author_id, title, body, priority, status, ack_required, "
						+ "scheduled_at, created_at, updated_at) values (?, ?, 'Scheduled test', 'Body', ?, 'SCHEDULED', "
						+ "?, now() + " + fromNow + ", now(), now()) returning id",
				Long.class, this.channel, this.author, ackRequired ? "IMPORTANT" : "INFO", ackRequired);
		return this.fixture.track(id);
	}

	private String status(long post) {
		return this.jdbc.queryForObject("select status from announcements where id = ?", String.class, post);
	}

	private boolean late(long post) {
		return this.jdbc.queryForObject("select published_late from announcements where id = ?", Boolean.class, post);
	}

	private List<String> publishedAudits(long post) {
		return this.jdbc.queryForList("select action from audit_entries where target_type = 'announcement' "
				+ "and target_id = ? and action like 'announcement.published%'", String.class, post);
	}

}
