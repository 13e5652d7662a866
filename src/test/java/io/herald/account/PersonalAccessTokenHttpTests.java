package io.herald.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.StatementCounter;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens end to end over HTTP: created with a password, then the only
 * credential an API client needs; refused once revoked or expired, or when the account
 * could not sign in with a password either; never a way into the pages; managed on
 * {@code /me} and by administrators.
 */
@Import(StatementCounter.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PersonalAccessTokenHttpTests implements PostgresIntegrationTest {

	private static final String PASSWORD = "herald-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SECRET = Pattern.compile("hrld_[A-Za-z0-9_-]{43}");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aTokenCreatedWithBasicSignsTheClientInWithBearer() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		JsonNode created = create(person, "{\"name\":\"Nightly export\",\"expiresInDays\":30}", 201);
		String token = created.get("token").asString();

		assertThat(token).matches(SECRET);
		assertThat(created.get("name").asString()).isEqualTo("Nightly export");
		assertThat(created.get("id").asLong()).isPositive();
		assertThat(created.get("expiresAt").asString()).isNotBlank();
		HttpResponse<String> me = bearer("/api/v1/me", token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).get("email").asString()).isEqualTo(person.email());
		assertThat(JSON.readTree(me.body()).get("id").asLong()).isEqualTo(person.employeeId());
		String stored = this.jdbc.queryForObject("select secret_hash from account_personal_access_tokens where id = ?",
				String.class, created.get("id").asLong());
		assertThat(stored).isNotEqualTo(token).doesNotContain(token.substring(5));
		assertThat(this.jdbc.queryForObject(
				"select last_used_at is not null from account_personal_access_tokens where id = ?", Boolean.class,
				created.get("id").asLong()))
			.isTrue();
	}

	@Test
	void theListShowsTokensWithoutTheirSecrets() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		String token = create(person, "{\"name\":\"Reporting\"}", 201).get("token").asString();

		HttpResponse<String> list = bearer("/api/v1/me/tokens", token);

		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode items = JSON.readTree(list.body());
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("name").asString()).isEqualTo("Reporting");
		assertThat(items.get(0).has("token")).isFalse();
		assertThat(items.get(0).has("expiresAt")).isTrue();
		assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(5));
		assertThat(new TestHttp(this.port).getWithBasic("/api/v1/me/tokens", person.email(), PASSWORD).body())
			.doesNotContain(token.substring(5));
	}

	@Test
	void badRequestsToCreateAreProblemDetailsWithTheFields() {
		FinancePeople.Person person = FinancePeople.next(this.context);

		HttpResponse<String> bad = new TestHttp(this.port).postWithBasic("/api/v1/me/tokens", "application/json",
				"{\"name\":\" \",\"expiresInDays\":366}".getBytes(StandardCharsets.UTF_8), person.email(), PASSWORD);

		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode errors = JSON.readTree(bad.body()).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "expiresInDays");
		assertThat(this.jdbc.queryForObject("select count(*) from account_personal_access_tokens where account_id = ?",
				Integer.class, person.accountId()))
			.isZero();
		assertThat(new TestHttp(this.port)
			.postWithBasic("/api/v1/me/tokens", "application/json",
					"{\"name\":\"x\",\"expiresInDays\":\"soon\"}".getBytes(StandardCharsets.UTF_8), person.email(),
					PASSWORD)
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aRevokedTokenIsRefused() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		JsonNode created = create(person, "{\"name\":\"Short-lived\"}", 201);
		String token = created.get("token").asString();

		HttpResponse<String> revoked = new TestHttp(this.port).send("DELETE",
				"/api/v1/me/tokens/" + created.get("id").asLong(), new byte[0], "Authorization", "Bearer " + token);

		assertThat(revoked.statusCode()).isEqualTo(204);
		assertRefused(bearer("/api/v1/me", token));
	}

	@Test
	void anExpiredTokenIsRefused() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		JsonNode created = create(person, "{\"name\":\"Expiring\",\"expiresInDays\":1}", 201);
		String token = created.get("token").asString();
		assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);

		this.jdbc.update("""
				update account_personal_access_tokens set expires_at = now() - interval '1 second'
				where id = ?""", created.get("id").asLong());

		assertRefused(bearer("/api/v1/me", token));
	}

	@Test
	void badTokensAreRefusedWithoutFallingBackToAnything() {
		assertRefused(bearer("/api/v1/me", "not-a-token"));
		assertRefused(bearer("/api/v1/me", io.herald.account.PersonalAccessToken.issue()));
		assertRefused(bearer("/api/v1/me", ""));
	}

	@Test
	void someoneElsesTokenCannotBeRevoked() {
		FinancePeople.Person owner = FinancePeople.next(this.context);
		FinancePeople.Person other = FinancePeople.next(this.context);
		JsonNode created = create(owner, "{\"name\":\"Mine\"}", 201);
		String otherToken = create(other, "{\"name\":\"Theirs\"}", 201).get("token").asString();

		HttpResponse<String> attempt = new TestHttp(this.port).send("DELETE",
				"/api/v1/me/tokens/" + created.get("id").asLong(), new byte[0], "Authorization",
				"Bearer " + otherToken);

		assertThat(attempt.statusCode()).isEqualTo(404);
		assertThat(attempt.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(bearer("/api/v1/me", created.get("token").asString()).statusCode()).isEqualTo(200);
		assertThat(new TestHttp(this.port)
			.send("DELETE", "/api/v1/me/tokens/999999999", new byte[0], "Authorization", "Bearer " + otherToken)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void anAdministratorListsAndRevokesSomeonesTokenAndItIsAudited() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		JsonNode created = create(person, "{\"name\":\"Integration\"}", 201);
		String token = created.get("token").asString();
		String path = "/api/v1/admin/users/" + person.employeeId() + "/tokens";
		TestHttp http = new TestHttp(this.port);

		assertThat(http.getWithBasic(path, "employee@herald.test", PASSWORD).statusCode()).isEqualTo(403);
		assertThat(bearer(path, token).statusCode()).isEqualTo(403);
		HttpResponse<String> list = http.getWithBasic(path, "admin@herald.test", PASSWORD);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(list.body()).get(0).get("name").asString()).isEqualTo("Integration");
		assertThat(list.body()).doesNotContain(token.substring(5));

		HttpResponse<String> revoked = http.send("DELETE", path + "/" + created.get("id").asLong(), new byte[0],
				"Authorization", TestHttp.basic("admin@herald.test", PASSWORD));

		assertThat(revoked.statusCode()).isEqualTo(204);
		assertRefused(bearer("/api/v1/me", token));
		assertThat(http
			.send("DELETE", path + "/" + created.get("id").asLong(), new byte[0], "Authorization",
					TestHttp.basic("admin@herald.test", PASSWORD))
			.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForList("""
				select actor_email from audit_entries
				where action = 'account.token.revoked' and target_type = 'account' and target_id = ?""", String.class,
				person.accountId()))
			.containsExactly("admin@herald.test");
	}

	@Test
	void anAdministratorRevokesATokenOnTheUserPage() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		JsonNode created = create(person, "{\"name\":\"Dashboard feed\"}", 201);
		TestHttp admin = new TestHttp(this.port);
		admin.signIn("admin@herald.test", PASSWORD);
		HttpResponse<String> page = admin.page("/admin/users/" + person.employeeId());
		assertThat(page.body()).contains("Dashboard feed").doesNotContain(created.get("token").asString());

		HttpResponse<String> revoked = admin.postForm(
				"/admin/users/" + person.employeeId() + "/tokens/" + created.get("id").asLong() + "/revoke",
				Map.of("_csrf", TestHttp.csrfToken(page.body())));

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(admin.page("/admin/users/" + person.employeeId()).body()).doesNotContain("Dashboard feed")
			.contains("The token has been revoked.");
		assertRefused(bearer("/api/v1/me", created.get("token").asString()));
	}

	@Test
	void aTokenWorksOnlyWhileItsAccountCouldSignInWithAPassword() {
		FinancePeople.Person disabled = FinancePeople.next(this.context);
		String disabledToken = create(disabled, "{\"name\":\"a\"}", 201).get("token").asString();
		this.jdbc.update("update user_accounts set enabled = false where id = ?", disabled.accountId());
		assertThat(bearer("/api/v1/me", disabledToken).statusCode()).isEqualTo(401);
		assertThat(new TestHttp(this.port).getWithBasic("/api/v1/me", disabled.email(), PASSWORD).statusCode())
			.isEqualTo(401);

		FinancePeople.Person left = FinancePeople.next(this.context);
		String leftToken = create(left, "{\"name\":\"b\"}", 201).get("token").asString();
		this.jdbc.update("update employees set active = false where id = ?", left.employeeId());
		assertThat(bearer("/api/v1/me", leftToken).statusCode()).isEqualTo(401);

		FinancePeople.Person reset = FinancePeople.next(this.context);
		String resetToken = create(reset, "{\"name\":\"c\"}", 201).get("token").asString();
		this.jdbc.update("update user_accounts set must_change_password = true where id = ?", reset.accountId());
		HttpResponse<String> mustChange = bearer("/api/v1/me", resetToken);
		assertThat(mustChange.statusCode()).isEqualTo(403);
		assertThat(mustChange.body()).contains("choose a new one");
	}

	@Test
	void aTokenNeverOpensThePages() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		String token = create(person, "{\"name\":\"API only\"}", 201).get("token").asString();

		for (String path : List.of("/", "/me", "/feed")) {
			HttpResponse<String> page = new TestHttp(this.port).get(path, "Authorization", "Bearer " + token, "Accept",
					"text/html");
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
		}
	}

	@Test
	void aBearerRequestCostsAFixedHandfulOfStatementsAndAtMostOneWriteAMinute() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		String token = create(person, "{\"name\":\"Counted\"}", 201).get("token").asString();
		TestHttp http = new TestHttp(this.port);

		int first = StatementCounter.count(StatementCounter.REQUEST_THREADS,
				() -> assertThat(bearer(http, "/api/v1/me", token).statusCode()).isEqualTo(200));
		int second = StatementCounter.count(StatementCounter.REQUEST_THREADS,
				() -> assertThat(bearer(http, "/api/v1/me", token).statusCode()).isEqualTo(200));

		// The token by its hash with its account and roles, then the person (the
		// account check reuses what the first read); the first use also notes the time.
		assertThat(second).isEqualTo(2);
		assertThat(first).isEqualTo(second + 1);
	}

	@Test
	void theOwnerCreatesSeesTheSecretOnceAndRevokesOnTheirPage() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		TestHttp http = new TestHttp(this.port);
		http.signIn(person.email(), PASSWORD);
		HttpResponse<String> page = http.page("/me");
		assertThat(page.body()).contains("Personal access tokens").contains("You have no personal access tokens.");
		String csrf = TestHttp.csrfToken(page.body());

		assertThat(http.postForm("/me/tokens", Map.of("name", "No CSRF")).statusCode()).isEqualTo(403);
		HttpResponse<String> invalid = http.postForm("/me/tokens",
				Map.of("name", "", "expiresInDays", "400", "_csrf", csrf));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("Give the token a name").contains("from 1 to 365");
		HttpResponse<String> created = http.postForm("/me/tokens",
				Map.of("name", "Laptop script", "expiresInDays", "7", "_csrf", csrf));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/me");

		HttpResponse<String> shown = http.page("/me");
		Matcher secret = SECRET.matcher(shown.body());
		assertThat(secret.find()).isTrue();
		String token = secret.group();
		assertThat(shown.body()).contains("data-created-token").contains("Laptop script").contains("data-copy");
		assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);

		HttpResponse<String> reloaded = http.page("/me");
		assertThat(reloaded.body()).contains("Laptop script")
			.doesNotContain(token)
			.doesNotContain("data-created-token");
		assertThat(SECRET.matcher(reloaded.body()).find()).isFalse();

		long id = this.jdbc.queryForObject("select id from account_personal_access_tokens where account_id = ?",
				Long.class, person.accountId());
		HttpResponse<String> revoked = http.postForm("/me/tokens/" + id + "/revoke",
				Map.of("_csrf", TestHttp.csrfToken(reloaded.body())));
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(http.page("/me").body()).contains("The token has been revoked").doesNotContain("Laptop script");
		assertRefused(bearer("/api/v1/me", token));
	}

	private JsonNode create(FinancePeople.Person person, String body, int status) {
		HttpResponse<String> response = new TestHttp(this.port).postWithBasic("/api/v1/me/tokens", "application/json",
				body.getBytes(StandardCharsets.UTF_8), person.email(), PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> bearer(String path, String token) {
		return bearer(new TestHttp(this.port), path, token);
	}

	private static HttpResponse<String> bearer(TestHttp http, String path, String token) {
		return http.get(path, "Authorization", "Bearer " + token, "Accept", "application/json");
	}

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch((value) -> value.startsWith("Bearer"));
		assertThat(response.body()).doesNotContain("\"email\"");
	}

}
