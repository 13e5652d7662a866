package io.herald.config;

import java.net.http.HttpResponse;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address and the scheme come from the connection, unless a proxy the operator
 * named says otherwise: a header anyone can send neither escapes the sign-in throttle nor
 * turns on HTTPS-only behaviour, and a trusted proxy's does both.
 */
class ForwardedHeadersTests {

	static final String PASSWORD = "herald-demo";

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class WithoutATrustedProxy implements PostgresIntegrationTest {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Test
		void aForgedForwardedForDoesNotEscapeTheThrottle() {
			String email = FinancePeople.next(this.context).email();
			TestHttp http = new TestHttp(this.port);
			for (int i = 0; i < 5; i++) {
				assertThat(http
					.get("/api/v1/me", "Authorization", TestHttp.basic(email, "wrong " + i), "X-Forwarded-For",
							"198.51.100." + (i + 1))
					.statusCode()).isEqualTo(401);
			}
			assertThat(http
				.get("/api/v1/me", "Authorization", TestHttp.basic(email, PASSWORD), "X-Forwarded-For", "198.51.100.99")
				.statusCode()).isEqualTo(429);
		}

		@Test
		void aForgedForwardedProtoTurnsOnNeitherHstsNorSecureCookies() {
			HttpResponse<String> login = new TestHttp(this.port).get("/login", "X-Forwarded-Proto", "https");
			assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
			assertThat(login.headers().allValues("Set-Cookie"))
				.allSatisfy((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
	class BehindATrustedProxy implements PostgresIntegrationTest {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Test
		void theProxysClientAddressIsTheOneThrottled() {
			String email = FinancePeople.next(this.context).email();
			TestHttp http = new TestHttp(this.port);
			for (int i = 0; i < 5; i++) {
				http.get("/api/v1/me", "Authorization", TestHttp.basic(email, "wrong " + i), "X-Forwarded-For",
						"203.0.113.5");
			}
			assertThat(http
				.get("/api/v1/me", "Authorization", TestHttp.basic(email, PASSWORD), "X-Forwarded-For", "203.0.113.5")
				.statusCode()).isEqualTo(429);
			assertThat(http
				.get("/api/v1/me", "Authorization", TestHttp.basic(email, PASSWORD), "X-Forwarded-For", "203.0.113.6")
				.statusCode()).isEqualTo(200);
		}

		@Test
		void httpsAtTheProxyGetsHstsAndSecureCookies() {
			HttpResponse<String> login = new TestHttp(this.port).get("/login", "X-Forwarded-For", "203.0.113.7",
					"X-Forwarded-Proto", "https");
			assertThat(login.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
			assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
				.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("secure"));

			HttpResponse<String> plain = new TestHttp(this.port).get("/login", "X-Forwarded-For", "203.0.113.7");
			assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}

	}

}
