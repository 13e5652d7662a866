package io.herald.account;

import io.herald.HeraldApplication;
import io.herald.support.TestDatabase;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fresh installation with the {@code postgres} profile: no demo data, and an
 * administrator from the environment, or no start at all.
 */
class FirstAdminBootstrapTests {

	private static final String STRONG_PASSWORD = "a long and unguessable passphrase";

	@Test
	void refusesToStartWithoutAnAdministratorPassword() {
		TestDatabase empty = TestDatabase.get().createSibling();
		assertThatThrownBy(() -> start(empty, "--HERALD_ADMIN_EMAIL=boss@example.com").close())
			.isInstanceOf(FirstAdminRefused.class)
			.hasMessageContaining("HERALD_ADMIN_PASSWORD is missing or too weak: Enter a new password.");
	}

	@Test
	void refusesToStartWithAWeakAdministratorPassword() {
		TestDatabase empty = TestDatabase.get().createSibling();
		assertThatThrownBy(
				() -> start(empty, "--HERALD_ADMIN_EMAIL=boss@example.com", "--HERALD_ADMIN_PASSWORD=password1234")
					.close())
			.isInstanceOf(FirstAdminRefused.class)
			.hasMessageContaining("too common or too simple");
	}

	@Test
	void createsTheFirstAdministratorAndNoDemoData() {
		TestDatabase empty = TestDatabase.get().createSibling();
		try (ConfigurableApplicationContext app = start(empty, "--HERALD_ADMIN_EMAIL=Boss@Example.com",
				"--HERALD_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select email from employees", String.class))
				.containsExactly("boss@example.com");
			assertThat(jdbc.queryForList("select role from account_roles order by role", String.class))
				.containsExactly("ADMIN", "EMPLOYEE", "HR");

			TestHttp http = new TestHttp(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(http.page("/login").body()).doesNotContain("herald-demo").doesNotContain("@herald.test");
			assertThat(http.signIn("employee@herald.test", "herald-demo").headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).contains("/login?error"));
			assertThat(http.signIn("boss@example.com", STRONG_PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).doesNotContain("/login"));
		}
		// Once an administrator exists, the variables are no longer needed.
		start(empty).close();
	}

	@Test
	void aProfileOfOnesOwnGetsNoDemoDataEither() {
		TestDatabase empty = TestDatabase.get().createSibling();
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class,
				"--spring.profiles.active=acme", "--server.port=0", "--spring.datasource.url=" + empty.url(),
				"--spring.datasource.username=" + empty.username(), "--spring.datasource.password=" + empty.password(),
				"--HERALD_ADMIN_EMAIL=boss@acme.test", "--HERALD_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
			assertThat(app.getBean(JdbcTemplate.class).queryForList("select email from employees", String.class))
				.containsExactly("boss@acme.test");
		}
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String... extra) {
		String[] args = { "--spring.profiles.active=postgres", "--server.port=0", "--HERALD_DB_URL=" + database.url(),
				"--HERALD_DB_USER=" + database.username(), "--HERALD_DB_PASSWORD=" + database.password(),
				"--spring.datasource.hikari.maximum-pool-size=2" };
		String[] all = new String[args.length + extra.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(extra, 0, all, args.length, extra.length);
		return SpringApplication.run(HeraldApplication.class, all);
	}

}
