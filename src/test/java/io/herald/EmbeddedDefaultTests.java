package io.herald;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer gets from {@code ./mvnw spring-boot:run}: the default configuration on
 * an H2 file database, the demo organisation, demo sign-in, and data that survives a
 * restart. The only thing changed is where the data directory is.
 */
class EmbeddedDefaultTests {

	@TempDir
	Path dataDir;

	@Test
	void bootsOnH2WithTheDemoOrganisationAndKeepsDataAcrossRestarts() {
		try (ConfigurableApplicationContext first = start()) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(first.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
			assertThat(jdbc.queryForObject("select count(*) from employees", Integer.class)).isBetween(280, 320);

			TestHttp http = new TestHttp(port(first));
			HttpResponse<String> login = http.page("/login");
			assertThat(login.body()).contains("employee@herald.test", "comms@herald.test", "hr@herald.test",
					"admin@herald.test", "herald-demo");
			HttpResponse<String> signedIn = http.signIn("employee@herald.test", "herald-demo");
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
			assertThat(http.page("/").body()).contains("Welcome, Łukasz Zieliński");

			jdbc.update("update employees set job_title = 'Staff Engineer' where email = 'employee@herald.test'");
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select job_title from employees where email = 'employee@herald.test'",
					String.class))
				.isEqualTo("Staff Engineer");
			assertThat(
					jdbc.queryForObject("select count(*) from employees where email like 'employee@%'", Integer.class))
				.isOne();
			TestHttp http = new TestHttp(port(second));
			assertThat(http.signIn("hr@herald.test", "herald-demo").statusCode()).isEqualTo(302);
			assertThat(http.page("/").body()).contains("Welcome, Magdalena Kowalczyk", "data-panel=\"directory\"");

			// The sign-in throttle's buckets live in H2 here.
			for (int i = 0; i < 5; i++) {
				assertThat(http.getWithBasic("/api/v1/me", "comms@herald.test", "wrong " + i).statusCode())
					.isEqualTo(401);
			}
			HttpResponse<String> throttled = http.getWithBasic("/api/v1/me", "comms@herald.test", "herald-demo");
			assertThat(throttled.statusCode()).isEqualTo(429);
			assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
