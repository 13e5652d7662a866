package io.herald.config;

import java.net.http.HttpResponse;
import java.util.List;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of response carries the security headers: a page, an error page, an API
 * answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void loginPageCarriesSecurityHeadersAndAHardenedSessionCookie() {
		HttpResponse<String> login = this.http.page("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertSecurityHeaders(login);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void errorPagesCarrySecurityHeadersAndNoStackTrace() {
		this.http.signIn("employee@herald.test", "herald-demo");
		HttpResponse<String> missing = this.http.page("/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertSecurityHeaders(missing);
		assertThat(missing.body()).contains("data-error=\"404\"")
			.doesNotContain("Exception")
			.doesNotContain("at io.herald")
			.doesNotContain("Whitelabel");

		HttpResponse<String> forbidden = this.http.page("/admin/users");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertSecurityHeaders(forbidden);
		assertThat(forbidden.body()).contains("data-error=\"403\"");
	}

	@Test
	void apiResponsesCarrySecurityHeadersAndCreateNoSession() {
		HttpResponse<String> me = this.http.getWithBasic("/api/v1/me", "employee@herald.test", "herald-demo");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"employee@herald.test\"");
		assertSecurityHeaders(me);
		assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void apiRefusesMissingCredentialsWithProblemDetails() {
		HttpResponse<String> anonymous = this.http.get("/api/v1/me", "Accept", "application/json");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(anonymous.body()).contains("\"status\":401");
		assertSecurityHeaders(anonymous);
	}

	@Test
	void signingInIssuesANewSessionId() {
		this.http.page("/login");
		String before = this.http.sessionId().orElseThrow();
		HttpResponse<String> signedIn = this.http.signIn("employee@herald.test", "herald-demo");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(this.http.sessionId()).isPresent().get().isNotEqualTo(before);
	}

	@Test
	void formsRefuseAPostWithoutCsrfToken() {
		HttpResponse<String> post = this.http.postForm("/login",
				java.util.Map.of("username", "employee@herald.test", "password", "herald-demo"));
		assertThat(post.statusCode()).isEqualTo(403);
	}

	@Test
	void actuatorExposesOnlyHealthAndInfo() {
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/info").statusCode()).isEqualTo(200);
		this.http.signIn("admin@herald.test", "herald-demo");
		for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump")) {
			assertThat(this.http.get(endpoint).statusCode()).as(endpoint).isIn(403, 404);
		}
	}

	private static void assertSecurityHeaders(HttpResponse<String> response) {
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
				"script-src 'self'");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
	}

}
