package io.herald.tracking;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.herald.HeraldApplication;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking SQL on the embedded default, H2 in PostgreSQL mode, with the demo history:
 * the figures (percentiles, late joiners' overdue count) equal a recount, every recipient
 * filter and the CSV run, reminders are throttled, acknowledging counts, and the pages
 * render.
 */
class TrackingOnH2Tests {

	@TempDir
	Path dataDir;

	@Test
	void trackingWorksOnTheEmbeddedDatabase() {
		try (ConfigurableApplicationContext context = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.publishing.poll-interval=1h")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			JdbcClient sql = context.getBean(JdbcClient.class);
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:");
			TrackingFixture fixture = new TrackingFixture(jdbc, context.getBean(UserDetailsService.class),
					context.getBean(DeliveryCounts.class));
			TrackingReports reports = context.getBean(TrackingReports.class);
			Receipts receipts = context.getBean(Receipts.class);
			ReminderThrottle throttle = context.getBean(ReminderThrottle.class);
			ManualReminders reminders = context.getBean(ManualReminders.class);

			// A demo post that asks for acknowledgement, gone out, with readers.
			long post = sql.sql("""
					select a.id from announcements a
					where a.status = 'PUBLISHED' and a.ack_required = true
					  and exists (select 1 from deliveries d where d.announcement_id = a.id
					              and d.read_at is not null and d.acknowledged_at is null)
					order by a.published_at desc limit 1""").query(Long.class).single();
			// Two late joiners with their own due times, one of them passed.
			List<Long> late = fixture.people(2, null, null);
			for (int i = 0; i < late.size(); i++) {
				sql.sql("""
						insert into deliveries (announcement_id, employee_id, published_at, delivered_at, late_joiner,
						  ack_due_at)
						select a.id, :employee, a.published_at, :deliveredAt, true, :ackDueAt from announcements a
						where a.id = :announcement""")
					.param("employee", late.get(i))
					.param("deliveredAt", java.sql.Timestamp.from(Instant.now()))
					.param("ackDueAt", java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(i == 0 ? -1 : 1))))
					.param("announcement", post)
					.update();
			}
			context.getBean(DeliveryCounts.class).recount(List.of(post));
			long owing = sql.sql("""
					select min(d.employee_id) from deliveries d
					where d.announcement_id = :announcement and d.acknowledged_at is null and d.late_joiner = false""")
				.param("announcement", post)
				.query(Long.class)
				.single();
			fixture.asEmployee(owing, () -> receipts.acknowledge(post, null));

			TrackingReport report = fixture.as("comms@herald.test", () -> reports.report(post));
			TrackingFigures recount = fixture.recount(post, Instant.now())
				.values()
				.stream()
				.reduce(TrackingFigures.NONE, TrackingFigures::plus);
			assertThat(report.totals()).isEqualTo(recount);
			assertThat(report.totals().overdue()).isPositive();
			assertThat(report.medianTimeToRead()).isNotNull();
			assertThat(report.p90TimeToRead()).isGreaterThanOrEqualTo(report.medianTimeToRead());
			assertThat(report.byDepartment()).isNotEmpty();
			for (RecipientFilter filter : RecipientFilter.values()) {
				fixture.as("hr@herald.test",
						() -> reports.recipients(post, new RecipientQuery(filter, 0L), PageRequest.of(0, 10)));
			}
			assertThat(fixture
				.as("hr@herald.test",
						() -> reports.recipients(post, new RecipientQuery(RecipientFilter.OVERDUE, null),
								PageRequest.of(0, 1000)))
				.getTotalElements()).isEqualTo(recount.overdue());
			assertThat(new String(fixture.as("hr@herald.test", () -> reports.csv(post, RecipientQuery.EVERYONE))))
				.startsWith("\uFEFFname,email,");

			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			long other = late.get(1);
			long fresh = sql.sql("select max(id) from announcements where status = 'PUBLISHED'")
				.query(Long.class)
				.single();
			assertThat(throttle.claim(fresh, other, 1, now)).isTrue();
			assertThat(throttle.claim(fresh, other, 1, now.plus(Duration.ofHours(11)))).isFalse();
			assertThat(throttle.claim(fresh, other, 1, now.plus(Duration.ofHours(12)))).isTrue();
			sql.sql("update announcements set expires_at = null where id = :announcement")
				.param("announcement", post)
				.update();
			Reminded reminded = fixture.as("comms@herald.test", () -> reminders.remindNonAcknowledgers(post));
			assertThat(reminded.recipients()).isPositive();

			TestHttp http = new TestHttp(((WebServerApplicationContext) context).getWebServer().getPort());
			assertThat(http.signIn("comms@herald.test", "herald-demo").statusCode()).isEqualTo(302);
			HttpResponse<String> page = http.page("/manage/announcements/" + post + "/tracking?status=OVERDUE");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("data-last-reminder", "data-remind-again", "data-recipients");
			String token = TestHttp.csrfToken(page.body());
			assertThat(http.postForm("/manage/announcements/" + post + "/tracking/remind", Map.of("_csrf", token))
				.statusCode()).isEqualTo(302);
		}
	}

}
