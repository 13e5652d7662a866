package io.herald;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default keeps working once the pool has replaced every connection it
 * started with, the one that ran the migrations included. H2 2.4.240 tied each
 * {@code CHECK (x IN (…))} constraint to the session that created it, so about 26 minutes
 * after a fresh start (the pool's maximum lifetime) saving a post or activating a plan
 * failed with "The database has been closed". Here the lifetime is 30 seconds.
 */
class EmbeddedDefaultOutlivesItsConnectionsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COMMS = "comms@herald.test";

	private static final String PASSWORD = "herald-demo";

	@TempDir
	Path dataDir;

	@Test
	void savesPublishesAndActivatesADrillAfterEveryFirstConnectionIsRetired() {
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--spring.datasource.hikari.max-lifetime=30000",
				"--herald.escalation.sweep-interval=1h")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
			Set<Long> firstSessions = sessions(jdbc);
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> !sessions(jdbc).removeAll(firstSessions));

			TestHttp http = new TestHttp(((WebServerApplicationContext) app).getWebServer().getPort());
			HttpResponse<String> created = post(http, "/api/v1/announcements",
					"{\"channel\": \"engineering\", \"title\": \"Canteen closed on Friday\", "
							+ "\"body\": \"Bring lunch.\", \"priority\": \"IMPORTANT\", \"ackRequired\": true}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long id = JSON.readTree(created.body()).get("id").asLong();
			HttpResponse<String> published = http.postEmptyWithBasic("/api/v1/announcements/" + id + "/publish", COMMS,
					PASSWORD);
			assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
			assertThat(JSON.readTree(published.body()).get("recipients").asInt()).isPositive();

			long plan = jdbc.queryForObject("""
					select p.id from crisis_plans p
					join crisis_plan_revisions r on r.plan_id = p.id and r.revision = p.current_revision
					where r.title = 'Fire and evacuation: Warsaw office'
					""", Long.class);
			HttpResponse<String> activated = post(http, "/api/v1/crisis/plans/" + plan + "/activate",
					"{\"drill\": true}");
			assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
			JsonNode incident = JSON.readTree(activated.body());
			assertThat(incident.get("recipients").asInt()).isPositive();
		}
	}

	private static Set<Long> sessions(JdbcTemplate jdbc) {
		List<Long> ids = jdbc.queryForList("select session_id from information_schema.sessions", Long.class);
		return new HashSet<>(ids);
	}

	private static HttpResponse<String> post(TestHttp http, String path, String json) {
		return http.postWithBasic(path, "application/json", json.getBytes(StandardCharsets.UTF_8), COMMS, PASSWORD);
	}

}
