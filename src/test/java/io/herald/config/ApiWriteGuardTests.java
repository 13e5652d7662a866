package io.herald.config;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site cannot make a browser holding someone's HTTP Basic credentials
 * change anything through the API: every changing endpoint, found from the application's
 * own mappings so that a new one is covered the day it is added, refuses the content
 * types a form can send and a browser's cross-site request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiWriteGuardTests implements PostgresIntegrationTest {

	private static final String ADMIN = "admin@herald.test";

	private static final String PASSWORD = "herald-demo";

	private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFormCannotPostAFullSyncImportThatDeactivatesEveryone() {
		long activeBefore = activePeople();
		byte[] oneLine = "email,first_name,last_name\nmallory@evil.example,Mallory,Evil\n"
			.getBytes(StandardCharsets.UTF_8);
		for (String simpleType : List.of("text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x")) {
			HttpResponse<String> refused = http().post("/api/v1/directory/import?dryRun=false&fullSync=true", oneLine,
					"Content-Type", simpleType, "Authorization", basic("hr@herald.test"), "Accept", "application/json");
			assertThat(refused.statusCode()).as(simpleType).isEqualTo(415);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		HttpResponse<String> crossSite = http().post("/api/v1/directory/import?dryRun=false&fullSync=true", oneLine,
				"Content-Type", "text/csv", "Sec-Fetch-Site", "cross-site", "Authorization", basic("hr@herald.test"));
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).contains("cross-site-request");
		assertThat(activePeople()).isEqualTo(activeBefore);
		assertThat(this.jdbc.queryForObject("select count(*) from employees where email = 'mallory@evil.example'",
				Long.class))
			.isZero();
	}

	@Test
	void theImportTakesCsvOnly() {
		HttpResponse<String> octets = http().post("/api/v1/directory/import?dryRun=true",
				"email,first_name,last_name\n".getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/octet-stream", "Authorization", basic("hr@herald.test"), "Accept", "application/json");
		assertThat(octets.statusCode()).isEqualTo(415);
	}

	@Test
	void everyChangingEndpointRefusesSimpleContentTypesAndCrossSiteRequests() {
		List<String> endpoints = changingEndpoints();
		assertThat(endpoints).hasSizeGreaterThanOrEqualTo(14)
			.contains("POST /api/v1/directory/import", "POST /api/v1/announcements/1/ack");
		List<String> letThrough = new ArrayList<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1);
			expect(letThrough, endpoint + " as text/plain", 415, http().send(method, path,
					"x".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain", "Authorization", basic(ADMIN)));
			expect(letThrough, endpoint + " as a form", 415,
					http().send(method, path, "a=b".getBytes(StandardCharsets.UTF_8), "Content-Type",
							"application/x-www-form-urlencoded", "Authorization", basic(ADMIN)));
			expect(letThrough, endpoint + " with an untyped body", 415,
					http().send(method, path, "{}".getBytes(StandardCharsets.UTF_8), "Authorization", basic(ADMIN)));
			expect(letThrough, endpoint + " cross-site", 403,
					http().send(method, path, "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
							"Sec-Fetch-Site", "cross-site", "Authorization", basic(ADMIN)));
			expect(letThrough, endpoint + " same-site, not same-origin", 403, http().send(method, path, new byte[0],
					"Sec-Fetch-Site", "same-site", "Authorization", basic(ADMIN)));
		}
		assertThat(letThrough).isEmpty();
	}

	@Test
	void sameOriginJsonAndPlainApiClientsGetThrough() {
		String mine = "POST /api/v1/notifications/read-all";
		assertThat(http()
			.send("POST", "/api/v1/notifications/read-all", new byte[0], "Sec-Fetch-Site", "same-origin",
					"Authorization", basic(ADMIN))
			.statusCode()).as(mine).isEqualTo(204);
		assertThat(http()
			.send("POST", "/api/v1/notifications/read-all", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type",
					"application/json", "Authorization", basic(ADMIN))
			.statusCode()).as(mine).isEqualTo(204);
	}

	private static void expect(List<String> letThrough, String what, int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			letThrough.add(what + " → " + response.statusCode());
		}
	}

	private List<String> changingEndpoints() {
		List<String> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (CHANGING.contains(method)) {
						endpoints.add(method + " " + pattern.replaceAll("\\{[^}]+}", "1"));
					}
				}
			}
		});
		return endpoints;
	}

	private long activePeople() {
		return this.jdbc.queryForObject("select count(*) from employees where active", Long.class);
	}

	private TestHttp http() {
		return new TestHttp(this.port);
	}

	private static String basic(String email) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
