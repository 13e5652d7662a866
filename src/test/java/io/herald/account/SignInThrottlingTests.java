package io.herald.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sign-in throttling after OWASP's guidance, on the API's HTTP Basic and the login form:
 * failures slow down the client address they come from (per typed e-mail address, and
 * across all of them against spraying), never lock the owner out from elsewhere, and say
 * the same whether an account exists or not. Each test comes from loopback addresses of
 * its own (127.0.0.x), as different machines would.
 */
// The production limit per address, which the other tests' contexts raise for 127.0.0.1.
@SpringBootTest(properties = "herald.test.login-per-address=30")
@AutoConfigureMockMvc
class SignInThrottlingTests implements PostgresIntegrationTest {

	private static final String PASSWORD = "herald-demo";

	private static final AtomicInteger nextAddress = new AtomicInteger(10 + (int) (System.nanoTime() % 100));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	LoginThrottle limits;

	@Test
	void fiveFailuresPauseThatAddressForThatAccountButNotTheOwnerElsewhere() throws Exception {
		String email = FinancePeople.next(this.context).email();
		String attacker = address();
		for (int i = 0; i < 5; i++) {
			assertThat(basic(email, "wrong password " + i, attacker).getResponse().getStatus()).isEqualTo(401);
		}
		MvcResult refused = basic(email, PASSWORD, attacker);
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 180L);
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.getResponse().getContentAsString()).contains("Too many failed sign-in attempts");
		assertThat(form(email, PASSWORD, attacker).getResponse().getRedirectedUrl())
			.matches("/login\\?throttled=[1-4]");

		String owner = address();
		assertThat(basic(email, PASSWORD, owner).getResponse().getStatus()).isEqualTo(200);
		assertThat(form(email, PASSWORD, owner).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void unknownAndKnownAddressesAreAnsweredAlike() throws Exception {
		String known = FinancePeople.next(this.context).email();
		String unknown = "nobody." + System.nanoTime() + "@accounts.test";
		String from = address();
		for (int i = 0; i < 5; i++) {
			MvcResult forKnown = basic(known, "wrong " + i, from);
			MvcResult forUnknown = basic(unknown, "wrong " + i, from);
			assertThat(forUnknown.getResponse().getStatus()).isEqualTo(forKnown.getResponse().getStatus())
				.isEqualTo(401);
			assertThat(forUnknown.getResponse().getContentAsString())
				.isEqualTo(forKnown.getResponse().getContentAsString());
		}
		MvcResult knownRefused = basic(known, PASSWORD, from);
		MvcResult unknownRefused = basic(unknown, PASSWORD, from);
		assertThat(unknownRefused.getResponse().getStatus()).isEqualTo(knownRefused.getResponse().getStatus())
			.isEqualTo(429);
		assertThat(unknownRefused.getResponse().getHeader("Retry-After")).isNotNull();
		assertThat(form(unknown, PASSWORD, from).getResponse().getRedirectedUrl())
			.isEqualTo(form(known, PASSWORD, from).getResponse().getRedirectedUrl());
	}

	@Test
	void sprayingOneGuessAtManyAccountsFromOneAddressIsSlowedDown() throws Exception {
		int perAddress = this.limits.perAddress().maxFailures();
		assertThat(perAddress).isEqualTo(30);
		String sprayer = address();
		for (int i = 0; i < perAddress; i++) {
			assertThat(basic("sprayed." + i + "." + System.nanoTime() + "@accounts.test", "Winter2026!", sprayer)
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
		String someone = FinancePeople.next(this.context).email();
		MvcResult refused = basic(someone, PASSWORD, sprayer);
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		// One more guess every 30 seconds (15 minutes / 30).
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 30L);
		assertThat(form(someone, PASSWORD, sprayer).getResponse().getRedirectedUrl()).isEqualTo("/login?throttled=1");

		assertThat(basic(someone, PASSWORD, address()).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void signingInSuccessfullyDoesNotGiveAnAttackerFreshGuesses() throws Exception {
		String email = FinancePeople.next(this.context).email();
		String from = address();
		for (int i = 0; i < 4; i++) {
			basic(email, "wrong password " + i, from);
			assertThat(basic(email, PASSWORD, from).getResponse().getStatus()).isEqualTo(200);
		}
		basic(email, "wrong password again", from);
		assertThat(basic(email, PASSWORD, from).getResponse().getStatus()).isEqualTo(429);
	}

	@Test
	void differentlyCasedEmailsShareOneBucket() throws Exception {
		String email = FinancePeople.next(this.context).email();
		String from = address();
		for (int i = 0; i < 5; i++) {
			String typed = (i % 2 == 0) ? email.toUpperCase(java.util.Locale.ROOT) : email;
			basic(typed, "wrong password " + i, from);
		}
		assertThat(basic(email, PASSWORD, from).getResponse().getStatus()).isEqualTo(429);
	}

	@Test
	void concurrentGuessesCannotSlipPastTheCount() throws Exception {
		String email = FinancePeople.next(this.context).email();
		String from = address();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				int attempt = i;
				attempts.add(
						pool.submit(() -> basic(email, "concurrent wrong " + attempt, from).getResponse().getStatus()));
			}
			for (Future<Integer> attempt : attempts) {
				statuses.add(attempt.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).filteredOn((status) -> status == 401).hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(5);
		assertThat(basic(email, PASSWORD, from).getResponse().getStatus()).isEqualTo(429);
	}

	@Test
	void guessingTheCurrentPasswordOnTheProfilePageCountsTowardsTheThrottle() throws Exception {
		String email = FinancePeople.next(this.context).email();
		String from = address();
		MockHttpSession session = (MockHttpSession) form(email, PASSWORD, from).getRequest().getSession();
		for (int i = 0; i < 5; i++) {
			assertThat(changePassword(session, "guess " + i, from).getResponse().getContentAsString())
				.contains("currentPassword-errors");
		}
		assertThat(changePassword(session, PASSWORD, from).getResponse().getContentAsString())
			.contains("Too many wrong passwords");
		assertThat(form(email, PASSWORD, from).getResponse().getRedirectedUrl()).startsWith("/login?throttled=");
	}

	@Test
	void aTemporaryPasswordOpensNothingOnTheApi() throws Exception {
		FinancePeople.Person person = FinancePeople.next(this.context);
		this.jdbc.update("update user_accounts set must_change_password = true where id = ?", person.accountId());
		MvcResult refused = basic(person.email(), PASSWORD, address());
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("choose a new one first");
	}

	private MvcResult changePassword(MockHttpSession session, String current, String from) throws Exception {
		return this.mvc
			.perform(post("/me/password").session(session)
				.with(csrf())
				.with(from(from))
				.param("currentPassword", current)
				.param("newPassword", "a perfectly fine passphrase")
				.param("confirmation", "a perfectly fine passphrase"))
			.andReturn();
	}

	private MvcResult basic(String email, String password, String from) throws Exception {
		return this.mvc
			.perform(get("/api/v1/me").accept("application/json").with(httpBasic(email, password)).with(from(from)))
			.andReturn();
	}

	private MvcResult form(String email, String password, String from) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()).with(from(from)))
			.andReturn();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String address() {
		return "127.0." + (nextAddress.get() / 250) + "." + (2 + nextAddress.getAndIncrement() % 250);
	}

}
