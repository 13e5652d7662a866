package io.herald.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling guards the API's HTTP Basic as well as the login form, counts every
 * concurrent failure, and lifts after the cooling-off period.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInThrottlingTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void basicAuthenticationCoolsOffAfterFiveFailuresAndThenRefusesTheRightPasswordToo() {
		String email = unusedDemoPerson(0);
		TestHttp http = new TestHttp(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(http.getWithBasic("/api/v1/me", email, "wrong password " + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> refused = http.getWithBasic("/api/v1/me", email, "herald-demo");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("Too many failed sign-in attempts");

		HttpResponse<String> form = new TestHttp(this.port).signIn(email, "herald-demo");
		assertThat(form.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?throttled"));
	}

	@Test
	void signInWorksAgainAfterTheCoolingOffPeriod() {
		String email = unusedDemoPerson(1);
		TestHttp http = new TestHttp(this.port);
		for (int i = 0; i < 5; i++) {
			http.getWithBasic("/api/v1/me", email, "wrong password " + i);
		}
		assertThat(http.getWithBasic("/api/v1/me", email, "herald-demo").statusCode()).isEqualTo(401);
		// The cooling-off period ends: move its end into the past rather than wait 15
		// minutes.
		this.jdbc.update("""
				update user_accounts set locked_until = locked_until - interval '16 minutes'
				where employee_id = (select id from employees where email = ?)""", email);
		assertThat(http.getWithBasic("/api/v1/me", email, "herald-demo").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("""
				select failed_login_count from user_accounts
				where employee_id = (select id from employees where email = ?)""", Integer.class, email)).isZero();
	}

	@Test
	void signingInSuccessfullyDoesNotGiveAnAttackerFreshGuesses() {
		String email = unusedDemoPerson(3);
		TestHttp http = new TestHttp(this.port);
		for (int i = 0; i < 4; i++) {
			http.getWithBasic("/api/v1/me", email, "wrong password " + i);
			assertThat(http.getWithBasic("/api/v1/me", email, "herald-demo").statusCode()).isEqualTo(200);
		}
		http.getWithBasic("/api/v1/me", email, "wrong password again");
		assertThat(http.getWithBasic("/api/v1/me", email, "herald-demo").statusCode()).isEqualTo(401);
	}

	@Test
	void guessingTheCurrentPasswordOnTheProfilePageCountsTowardsTheThrottle() {
		String email = unusedDemoPerson(6);
		TestHttp http = new TestHttp(this.port);
		http.signIn(email, "herald-demo");
		for (int i = 0; i < 5; i++) {
			String token = TestHttp.csrfToken(http.page("/me").body());
			HttpResponse<String> guess = http.postForm("/me/password",
					java.util.Map.of("_csrf", token, "currentPassword", "guess " + i, "newPassword",
							"a perfectly fine passphrase", "confirmation", "a perfectly fine passphrase"));
			assertThat(guess.body()).contains((i < 5) ? "currentPassword-errors" : "");
		}
		String token = TestHttp.csrfToken(http.page("/me").body());
		assertThat(http
			.postForm("/me/password",
					java.util.Map.of("_csrf", token, "currentPassword", "herald-demo", "newPassword",
							"a perfectly fine passphrase", "confirmation", "a perfectly fine passphrase"))
			.body()).contains("Too many wrong passwords");
		assertThat(new TestHttp(this.port).signIn(email, "herald-demo").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?throttled"));
	}

	@Test
	void aTemporaryPasswordOpensNothingOnTheApi() {
		String email = unusedDemoPerson(7);
		this.jdbc.update("""
				update user_accounts set must_change_password = true
				where employee_id = (select id from employees where email = ?)""", email);
		HttpResponse<String> refused = new TestHttp(this.port).getWithBasic("/api/v1/me", email, "herald-demo");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("choose a new one first");
	}

	@Test
	void differentlyCasedEmailsShareOneCounter() {
		String email = unusedDemoPerson(4);
		TestHttp http = new TestHttp(this.port);
		for (int i = 0; i < 5; i++) {
			String typed = (i % 2 == 0) ? email.toUpperCase(java.util.Locale.ROOT) : email;
			http.getWithBasic("/api/v1/me", typed, "wrong password " + i);
		}
		assertThat(http.getWithBasic("/api/v1/me", email, "herald-demo").statusCode()).isEqualTo(401);
	}

	@Test
	void concurrentFailuresAreAllCounted() throws Exception {
		String email = unusedDemoPerson(2);
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			List<Future<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				int attempt = i;
				attempts.add(pool.submit(
						() -> new TestHttp(this.port).getWithBasic("/api/v1/me", email, "concurrent wrong " + attempt)
							.statusCode()));
			}
			for (Future<Integer> attempt : attempts) {
				assertThat(attempt.get()).isEqualTo(401);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(new TestHttp(this.port).getWithBasic("/api/v1/me", email, "herald-demo").statusCode())
			.isEqualTo(401);
	}

	// Finance belongs to the account administration tests; journeys take the lowest ids
	// first.
	// Demo people only (other tests add Sales people with passwords of their own), from
	// the newest down, where browser journeys, which take theirs from the oldest up,
	// never reach.
	private String unusedDemoPerson(int index) {
		return this.jdbc.queryForList("""
				select e.email from employees e join departments d on d.id = e.department_id
				where d.name = 'Sales' and e.email like '%@herald.test' order by e.id desc""", String.class).get(index);
	}

}
