package io.herald.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.RawHttp;
import io.herald.support.RawHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the API is problem details, whoever raises it: the firewall, Spring MVC,
 * the servlet container, the body limit; pages get HTML error pages; nothing shows a
 * stack trace, and {@code /error} itself answers without a 500 (issue 15, F8 and the
 * error findings).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiErrorTests implements PostgresIntegrationTest {

	static final String COMMS = RawHttp.basic("comms@herald.test", "herald-demo");

	static final String HR = RawHttp.basic("hr@herald.test", "herald-demo");

	@LocalServerPort
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void aSessionIdInThePathIsAProblem() {
		assertProblem(this.http.get("/api/v1/me;jsessionid=x", "Authorization", COMMS, "Accept", "application/json"),
				400);
	}

	@Test
	void pathsTheFirewallRefusesAreProblems() {
		for (String path : new String[] { "/api/v1/a%2Fb", "/api/v1/../v1/me", "/api/v1/%2e%2e/v1/me", "/api/v1/me%07",
				"/api/v1/me%00", "/api/v1/me%0a", "/api/v1//me", "/api/v1/me%25", "/api/v1/me%5C" }) {
			Response response = this.http.get(path, "Authorization", COMMS, "Accept", "application/json");
			if (response.status() != 200) {
				// Refused by Tomcat or the firewall, or let through to find nothing
				// there.
				assertProblem(response, (response.status() == 404) ? 404 : 400);
			}
		}
	}

	@Test
	void aSessionIdInAPagesPathIsAnHtmlErrorPage() {
		Response response = this.http.get("/feed;jsessionid=x", "Accept", "text/html");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).contains("data-error=\"400\"");
		assertNoTrace(response);
	}

	@Test
	void anUnknownApiPathIsAProblem() {
		assertProblem(this.http.get("/api/v1/no-such-thing", "Authorization", COMMS, "Accept", "application/json"),
				404);
		assertProblem(this.http.get("/api/v1/no-such-thing", "Authorization", COMMS, "Accept", "text/html"), 404);
	}

	@Test
	void aWrongMethodIsAProblem() {
		assertProblem(this.http.send("DELETE", "/api/v1/me",
				RawHttp.pairs("Authorization", COMMS, "Accept", "application/json"), new byte[0]), 405);
	}

	@Test
	void anUnsupportedMediaTypeIsAProblem() {
		byte[] body = "title=x".getBytes(StandardCharsets.UTF_8);
		assertProblem(this.http.send("POST", "/api/v1/announcements", RawHttp.pairs("Authorization", COMMS, "Accept",
				"application/json", "Content-Type", "text/plain", "Content-Length", String.valueOf(body.length)), body),
				415);
	}

	@Test
	void malformedJsonIsAProblem() {
		byte[] body = "{\"title\": ".getBytes(StandardCharsets.UTF_8);
		assertProblem(this.http.send("POST", "/api/v1/announcements", RawHttp.pairs("Authorization", COMMS, "Accept",
				"application/json", "Content-Type", "application/json", "Content-Length", String.valueOf(body.length)),
				body), 400);
	}

	@Test
	void theErrorPathItselfIsNeverAServerError() {
		Response json = this.http.get("/error", "Accept", "application/json");
		assertProblem(json, 404);

		Response page = this.http.get("/error", "Accept", "text/html");
		assertThat(page.status()).as(page.toString()).isEqualTo(404);
		assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("data-error=\"404\"");
		assertNoTrace(page);

		Response api = this.http.get("/error", "Authorization", COMMS, "Accept", "application/json");
		assertProblem(api, 404);
	}

	@Test
	void aJsonBodyOverTheLimitIsRefusedFromItsLength() {
		byte[] body = json(2 * 1024 * 1024);
		Response response = this.http.send("POST", "/api/v1/announcements",
				RawHttp.pairs("Authorization", COMMS, "Accept", "application/json", "Content-Type", "application/json",
						"Content-Length", String.valueOf(body.length)),
				body);
		assertProblem(response, 413);
	}

	@Test
	void aChunkedJsonBodyOverTheLimitIsRefusedWhileRead() {
		byte[] body = json(2 * 1024 * 1024);
		Response response = this.http.send("POST", "/api/v1/announcements", RawHttp.pairs("Authorization", COMMS,
				"Accept", "application/json", "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
				RawHttp.chunked(body));
		assertProblem(response, 413);
	}

	@Test
	void aJsonBodyUnderTheLimitIsRead() {
		byte[] body = json(512 * 1024);
		Response response = this.http.send("POST", "/api/v1/announcements", RawHttp.pairs("Authorization", COMMS,
				"Accept", "application/json", "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
				RawHttp.chunked(body));
		// Read, and refused for what it says (a title that long), not for its size.
		assertThat(response.status()).as(response.toString()).isNotEqualTo(413).isBetween(400, 499);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void anImportOverItsLimitIsRefusedBeforeItsBodyArrives() {
		// The body is announced and never sent: only an answer from the length ends this.
		Response response = this.http.send("POST", "/api/v1/directory/import?dryRun=true",
				RawHttp.pairs("Authorization", HR, "Accept", "application/json", "Content-Type", "text/csv",
						"Content-Length", String.valueOf(21 * 1024 * 1024)),
				new byte[0]);
		assertProblem(response, 413);
	}

	@Test
	void anImportMayBeLargerThanAJsonBody() {
		byte[] csv = ("email\n" + "x".repeat(2 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
		Response response = this.http.send(
				"POST", "/api/v1/directory/import?dryRun=true", RawHttp.pairs("Authorization", HR, "Accept",
						"application/json", "Content-Type", "text/csv", "Content-Length", String.valueOf(csv.length)),
				csv);
		assertThat(response.status()).as(response.toString()).isNotEqualTo(413).isLessThan(500);
	}

	/**
	 * A JSON object of this size, one long string: read to the end before it can fail.
	 */
	private static byte[] json(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'x');
		byte[] start = "{\"title\":\"".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, body, 0, start.length);
		body[size - 2] = '"';
		body[size - 1] = '}';
		return body;
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type").orElseThrow()).as(response.toString())
			.startsWith("application/problem+json");
		assertThat(response.body()).as(response.toString()).contains("\"status\":" + status);
		assertNoTrace(response);
	}

	private static void assertNoTrace(Response response) {
		assertThat(response.body()).as(response.toString())
			.doesNotContain("Exception")
			.doesNotContain("at io.herald")
			.doesNotContain("at org.")
			.doesNotContain("trace");
	}

}
