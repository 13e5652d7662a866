package io.herald.insight.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches insight over HTTP: HR, communications managers and administrators see the
 * pages, the CSV exports and the summary API; employees get 403 on every one of them. Bad
 * periods in the API are problem details naming the field.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InsightWebTests implements PostgresIntegrationTest {

	static final String PASSWORD = "herald-demo";

	static final String[] PAGES = { "/insight", "/insight/announcements", "/insight/channels", "/insight/departments/0",
			"/insight/announcements.csv", "/insight/departments.csv", "/insight/locations.csv",
			"/insight/channels.csv" };

	@LocalServerPort
	int port;

	@Test
	void hrCommsManagersAndAdminsReachEveryPageAndExport() {
		for (String email : new String[] { "hr@herald.test", "comms@herald.test", "admin@herald.test" }) {
			TestHttp http = new TestHttp(this.port);
			http.signIn(email, PASSWORD);
			for (String path : PAGES) {
				HttpResponse<String> response = http.get(path);
				assertThat(response.statusCode()).as("%s %s", email, path).isEqualTo(200);
			}
			assertThat(http.get("/insight").body()).contains("data-nav=\"insight\"").contains("data-trend-chart");
			// Named overdue people are for HR and administrators.
			boolean hr = !email.startsWith("comms");
			assertThat(http.get("/insight/overdue.csv").statusCode()).as(email).isEqualTo(hr ? 200 : 403);
			assertThat(http.get("/insight/departments/0").body()).as(email)
				.contains(hr ? "data-csv=\"overdue\"" : "data-overdue-hidden")
				.doesNotContain(hr ? "data-overdue-hidden" : "data-csv=\"overdue\"");
			assertThat(http.getWithBasic("/api/v1/insight/summary", email, PASSWORD).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void employeesAreRefusedThePagesTheExportsAndTheApi() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("employee@herald.test", PASSWORD);
		for (String path : PAGES) {
			assertThat(http.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(http.get("/").body()).doesNotContain("data-nav=\"insight\"");
		HttpResponse<String> api = http.getWithBasic("/api/v1/insight/summary", "employee@herald.test", PASSWORD);
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void theSummaryApiAnswersWithTheFiguresAndRefusesBadPeriods() {
		TestHttp http = new TestHttp(this.port);
		HttpResponse<String> ok = http.getWithBasic("/api/v1/insight/summary?from=2020-01-01&to=2020-01-31",
				"hr@herald.test", PASSWORD);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"announcements\":0")
			.contains("\"recipients\":0")
			.contains("\"readRate\":null")
			.contains("\"ackRate\"")
			.contains("\"onTimeAckRate\"")
			.contains("\"overdue\":0")
			// Added with the rule that rates count only what is due or given.
			.contains("\"acknowledgementsAsked\":0")
			.contains("\"acknowledgementsDue\":0")
			.contains("\"dueLater\":0")
			.contains("\"ackRate\":null");
		HttpResponse<String> unreadable = http.getWithBasic("/api/v1/insight/summary?from=yesterday", "hr@herald.test",
				PASSWORD);
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertThat(unreadable.body()).contains("\"field\":\"from\"").contains("YYYY-MM-DD");
		HttpResponse<String> backwards = http.getWithBasic("/api/v1/insight/summary?from=2024-02-01&to=2024-01-01",
				"hr@herald.test", PASSWORD);
		assertThat(backwards.statusCode()).isEqualTo(422);
		assertThat(backwards.body()).contains("\"field\":\"to\"");
		assertThat(
				http.getWithBasic("/api/v1/insight/summary?from=2020-01-01&to=2024-01-01", "hr@herald.test", PASSWORD)
					.statusCode())
			.isEqualTo(422);
	}

	@Test
	void csvExportsAreUtf8WithABomAndFiltersStayInTheUrl() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("hr@herald.test", PASSWORD);
		HttpResponse<byte[]> csv = http.download("/insight/departments.csv?from=2020-01-01&to=2020-01-31");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("insight-departments-2020-01-01-2020-01-31.csv");
		byte[] body = csv.body();
		assertThat(new byte[] { body[0], body[1], body[2] })
			.isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("department,posts,reach");
		String page = http.get("/insight?from=not-a-date&department=x").body();
		assertThat(page).contains("data-filter-problems").contains("YYYY-MM-DD");
	}

	@Test
	void datesOutsideTheAcceptedRangeAreRefusedOnTheApiThePagesAndTheExports() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("hr@herald.test", PASSWORD);
		String[] absurd = { "%2B999999999-01-01", "0000-01-01", "-0005-06-01", "1999-12-31", "9999-12-31" };
		for (String date : absurd) {
			for (String field : new String[] { "from", "to" }) {
				String query = "?" + field + "=" + date;
				HttpResponse<String> api = http.getWithBasic("/api/v1/insight/summary" + query, "hr@herald.test",
						PASSWORD);
				assertThat(api.statusCode()).as(query).isEqualTo(400);
				assertThat(api.headers().firstValue("Content-Type").orElseThrow()).as(query)
					.startsWith("application/problem+json");
				assertThat(api.body()).as(query)
					.contains("\"field\":\"" + field + "\"")
					.contains("between 2000-01-01 and");
				for (String page : new String[] { "/insight", "/insight/announcements", "/insight/departments/0" }) {
					HttpResponse<String> shown = http.get(page + query);
					assertThat(shown.statusCode()).as(page + query).isEqualTo(200);
					assertThat(shown.body()).as(page + query)
						.contains("data-filter-problems")
						.contains("data-field=\"" + field + "\"")
						.contains("between 2000-01-01 and");
				}
				for (String csv : new String[] { "/insight/announcements.csv", "/insight/departments.csv",
						"/insight/locations.csv", "/insight/overdue.csv" }) {
					assertThat(http.download(csv + query).statusCode()).as(csv + query).isEqualTo(400);
				}
			}
		}
	}

}
