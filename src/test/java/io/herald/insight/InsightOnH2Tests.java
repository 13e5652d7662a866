package io.herald.insight;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Map;

import io.herald.HeraldApplication;
import io.herald.shared.Callers;
import io.herald.support.TestHttp;
import io.herald.tracking.Receipts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insight on the embedded default, H2 in PostgreSQL mode, with the demo history: the
 * migration's backfill and the roll-up (its MERGE, its lock and its snapshot) give the
 * figures a recount gives, a live acknowledgement is folded in once, and the pages and an
 * export render.
 */
class InsightOnH2Tests {

	@TempDir
	Path dataDir;

	@Test
	void insightWorksOnTheEmbeddedDatabase() {
		try (ConfigurableApplicationContext context = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.publishing.poll-interval=1h",
				"--herald.insight.fold-interval=1h")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:");
			InsightFixture fixture = new InsightFixture(context);
			Insight insight = context.getBean(Insight.class);
			InsightRollUp rollUp = context.getBean(InsightRollUp.class);
			assertThat(rollUp.fold()).isTrue();

			ZoneId zone = fixture.as("hr@herald.test", () -> Callers.require().timeZone());
			InsightFilter filter = fixture.as("hr@herald.test", insight::defaultFilter);
			Overview before = fixture.as("hr@herald.test", () -> insight.overview(filter));
			assertThat(before.current()).isEqualTo(recount(jdbc, filter, zone, before.current()));
			assertThat(before.current().posts()).isPositive();
			assertThat(before.median()).isNotNull();

			// A live acknowledgement of a demo post that asks for one.
			Map<String, Object> owing = jdbc.queryForMap("select d.announcement_id, d.employee_id from deliveries d "
					+ "join announcements a on a.id = d.announcement_id where a.ack_required = true "
					+ "and a.status = 'PUBLISHED' and a.published_at >= ? and a.check_in_path is null "
					+ "and d.acknowledged_at is null and (a.expires_at is null or a.expires_at > current_timestamp) "
					+ "order by a.published_at desc, d.employee_id limit 1",
					Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
			long post = ((Number) owing.get("announcement_id")).longValue();
			long person = ((Number) owing.get("employee_id")).longValue();
			fixture.asEmployee(person, () -> context.getBean(Receipts.class).acknowledge(post, null));
			assertThat(rollUp.fold()).isTrue();
			Overview after = fixture.as("hr@herald.test", () -> insight.overview(filter));
			assertThat(after.current().acknowledged()).isEqualTo(before.current().acknowledged() + 1);
			assertThat(after.current()).isEqualTo(recount(jdbc, filter, zone, after.current()));
			assertThat(fixture.as("hr@herald.test", insight::channelMap).channels()).isNotEmpty();

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestHttp http = new TestHttp(port);
			http.signIn("hr@herald.test", "herald-demo");
			for (String path : new String[] { "/insight", "/insight/announcements?sort=read", "/insight/channels",
					"/insight/departments/0", "/insight/overdue.csv" }) {
				assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
			}
		}
	}

	private static Figures recount(JdbcTemplate jdbc, InsightFilter filter, ZoneId zone, Figures shown) {
		Map<String, Object> row = jdbc.queryForMap("select count(distinct a.id) as posts, count(*) as recipients, "
				+ "count(d.read_at) as read_count, sum(case when a.ack_required then 1 else 0 end) as required, "
				+ "sum(case when a.ack_required and d.acknowledged_revision >= a.ack_revision then 1 else 0 end) as ack "
				+ "from deliveries d join announcements a on a.id = d.announcement_id "
				+ "where a.status in ('PUBLISHED', 'ARCHIVED') and a.published_at >= ? and a.published_at < ?",
				Timestamp.from(filter.from().atStartOfDay(zone).toInstant()),
				Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		// On-time, overdue and the largest audience are checked on PostgreSQL; here the
		// counts that the H2 paths (MERGE, the backfill) produce.
		return new Figures(((Number) row.get("posts")).longValue(), ((Number) row.get("recipients")).longValue(),
				((Number) row.get("read_count")).longValue(), ((Number) row.get("required")).longValue(),
				((Number) row.get("ack")).longValue(), shown.onTime(), shown.overdue(), shown.dueLater(),
				shown.largestAudience(), shown.hidden());
	}

}
