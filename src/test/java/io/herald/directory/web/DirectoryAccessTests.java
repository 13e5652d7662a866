package io.herald.directory.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody without HR or ADMIN reaches the directory's import, editing or export, through
 * the UI or the API, whatever other role they hold.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectoryAccessTests implements PostgresIntegrationTest {

	private static final String CSV = "email,first_name,last_name\nintruder@access.test,In,Truder\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "employee@herald.test", "comms@herald.test" })
	void pagesAndFormsOfHrAreRefused(String email) {
		TestHttp http = new TestHttp(this.port);
		http.signIn(email, "herald-demo");
		long someone = this.jdbc.queryForObject("select id from employees where email = 'hr@herald.test'", Long.class);
		for (String path : new String[] { "/admin/directory", "/admin/directory/import", "/admin/directory/export.csv",
				"/admin/directory/import/template.csv", "/admin/directory/people/new",
				"/admin/directory/people/" + someone + "/edit" }) {
			assertThat(http.page(path).statusCode()).as(path).isEqualTo(403);
		}
		String token = TestHttp.csrfToken(http.page("/directory").body());
		String staged = "00000000-0000-0000-0000-000000000000";
		for (String path : new String[] { "/admin/directory/people/new", "/admin/directory/people/" + someone + "/edit",
				"/admin/directory/people/" + someone + "/deactivate", "/admin/directory/departments",
				"/admin/directory/locations", "/admin/directory/import/" + staged + "/apply",
				"/admin/directory/import/" + staged + "/cancel" }) {
			HttpResponse<String> post = http.postForm(path,
					Map.of("_csrf", token, "name", "X", "timeZone", "UTC", "email", "x@access.test"));
			assertThat(post.statusCode()).as(path).isEqualTo(403);
		}
		assertThat(this.jdbc.queryForObject("select active from employees where id = ?", Boolean.class, someone))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "employee@herald.test", "comms@herald.test" })
	void theImportApiIsRefused(String email) {
		HttpResponse<String> refused = new TestHttp(this.port).postWithBasic("/api/v1/directory/import?dryRun=false",
				"text/csv", CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8), email, "herald-demo");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from employees where email = 'intruder@access.test'",
				Integer.class))
			.isZero();
	}

}
