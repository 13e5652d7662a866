package io.herald.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.RawHttp;
import io.herald.support.RawHttp.Response;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged {@code Host} header never reaches a {@code Location}: every redirect is a path
 * of Herald's own (issue 15, F7).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RedirectHostTests implements PostgresIntegrationTest {

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void anAnonymousPageRedirectsToARelativeLoginPage() {
		Response feed = this.http.get("/feed", "Host", EVIL, "Accept", "text/html");

		assertThat(feed.status()).isEqualTo(302);
		assertLocal(feed, "/login");
	}

	@Test
	void signingInAfterAnAnonymousPageRedirectsBackToARelativePath() {
		Person person = new Announcing(this.jdbc).person("Redirected");
		Response feed = this.http.get("/feed", "Host", EVIL, "Accept", "text/html");
		String session = session(feed);

		Response signedIn = signIn(person, session);

		assertThat(signedIn.status()).isEqualTo(302);
		assertLocal(signedIn, "/feed", "/feed?continue");
	}

	@Test
	void signingInWithoutAPageToGoBackToRedirectsToARelativePath() {
		Person person = new Announcing(this.jdbc).person("Redirected");

		Response signedIn = signIn(person, null);

		assertThat(signedIn.status()).isEqualTo(302);
		assertLocal(signedIn, "/");
	}

	@Test
	void aFailedSignInRedirectsToARelativeLoginPage() {
		Person person = new Announcing(this.jdbc).person("Redirected");
		Response login = this.http.get("/login", "Host", EVIL, "Accept", "text/html");

		Response failed = post("/login", session(login), Map.of("username", person.email(), "password",
				"not the password", "_csrf", TestHttp.csrfToken(login.body())));

		assertThat(failed.status()).isEqualTo(302);
		assertLocal(failed, "/login?error");
	}

	@Test
	void signingOutRedirectsToARelativeLoginPage() {
		Person person = new Announcing(this.jdbc).person("Redirected");
		String session = session(signIn(person, null));
		Response page = this.http.get("/notifications", "Host", EVIL, "Accept", "text/html", "Cookie",
				"JSESSIONID=" + session);

		Response logout = post("/logout", session, Map.of("_csrf", TestHttp.csrfToken(page.body())));

		assertThat(logout.status()).isEqualTo(302);
		assertLocal(logout, "/login?logout");
	}

	@Test
	void aFormThatRedirectsRedirectsToARelativePath() {
		Person person = new Announcing(this.jdbc).person("Redirected");
		String session = session(signIn(person, null));
		Response page = this.http.get("/notifications", "Host", EVIL, "Accept", "text/html", "Cookie",
				"JSESSIONID=" + session);
		assertThat(page.status()).isEqualTo(200);

		Response readAll = post("/notifications/read-all", session, Map.of("_csrf", TestHttp.csrfToken(page.body())));

		assertThat(readAll.status()).isEqualTo(302);
		assertLocal(readAll, "/notifications");
	}

	@Test
	void theContainersOwnRedirectsAreRelative() {
		// Tomcat redirects a request for a directory of the application to the path
		// with a slash; the webjars' folders are such directories.
		for (String path : new String[] { "/webjars", "/css", "/js", "/images" }) {
			Response response = this.http.get(path, "Host", EVIL, "Accept", "text/html");
			response.header("Location").ifPresent((location) -> assertThat(location).as(path).doesNotContain(EVIL));
		}
	}

	private Response signIn(Person person, String session) {
		Response login = (session != null)
				? this.http.get("/login", "Host", EVIL, "Accept", "text/html", "Cookie", "JSESSIONID=" + session)
				: this.http.get("/login", "Host", EVIL, "Accept", "text/html");
		String current = (session != null) ? session : session(login);
		Response signedIn = post("/login", current, Map.of("username", person.email(), "password", Announcing.PASSWORD,
				"_csrf", TestHttp.csrfToken(login.body())));
		return signedIn;
	}

	private Response post(String path, String session, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		return this.http.send("POST", path,
				RawHttp.pairs("Host", EVIL, "Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded",
						"Content-Length", String.valueOf(bytes.length), "Cookie", "JSESSIONID=" + session),
				bytes);
	}

	/**
	 * The session a response started or renewed.
	 */
	private static String session(Response response) {
		return response.headers("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response));
	}

	private static void assertLocal(Response response, String... paths) {
		String location = response.header("Location").orElseThrow();
		assertThat(location).as(response.toString()).doesNotContain(EVIL).isIn((Object[]) paths);
	}

}
