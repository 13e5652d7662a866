package io.herald.directory.web;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory over HTTP: who reaches which page and API, and what the API answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectoryWebTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void employeesReachTheDirectoryButNotHrPages() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("employee@herald.test", "herald-demo");
		assertThat(http.page("/directory?q=zielinski").body()).contains("employee@herald.test");
		assertThat(http.page("/directory/org-chart").statusCode()).isEqualTo(200);
		assertThat(http.page("/admin/directory").statusCode()).isEqualTo(403);
		assertThat(http.page("/admin/directory/people/new").statusCode()).isEqualTo(403);
		long manager = idOf("comms@herald.test");
		String token = TestHttp.csrfToken(http.page("/directory").body());
		assertThat(http.postForm("/admin/directory/people/" + manager + "/deactivate", Map.of("_csrf", token))
			.statusCode()).isEqualTo(403);
		assertThat(
				http.postForm("/admin/directory/departments", Map.of("_csrf", token, "name", "Shadow IT")).statusCode())
			.isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select active from employees where id = ?", Boolean.class, manager))
			.isTrue();
	}

	@Test
	void pageLinksKeepTheSearchAndFilters() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("employee@herald.test", "herald-demo");
		String body = http.page("/directory?q=e&location=&page=1").body();
		assertThat(body).as(body).contains("<ul class=\"pagination");
		String page = body.substring(body.indexOf("<ul class=\"pagination"));
		assertThat(page).contains("href=\"/directory?q=e&amp;location=&amp;page=0\"")
			.contains("href=\"/directory?q=e&amp;location=&amp;page=2\"")
			.contains("Page 2 of");
	}

	@Test
	void hrOpensTheOrganisationAndTheEditForm() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("hr@herald.test", "herald-demo");
		assertThat(http.page("/admin/directory").body()).contains("Engineering", "Europe/Warsaw");
		assertThat(http.page("/admin/directory/people/" + idOf("employee@herald.test") + "/edit").body())
			.contains("value=\"employee@herald.test\"");
	}

	@Test
	void hrCannotGiveAPersonANameWithALineBreakOrNul() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		TestHttp http = new TestHttp(this.port);
		http.signIn("hr@herald.test", "herald-demo");
		String path = "/admin/directory/people/" + person.employeeId() + "/edit";
		String before = this.jdbc.queryForObject("select first_name from employees where id = ?", String.class,
				person.employeeId());
		for (String name : new String[] { "Anna\rMaria", "Anna\nMaria", "Anna\u0000Maria" }) {
			Document form = Jsoup.parse(http.page(path).body());
			Map<String, String> fields = new HashMap<>();
			form.select("form input[name], form select[name], form textarea[name]").forEach((field) -> {
				String value = field.is("select") ? field.select("option[selected]").val() : field.val();
				if (!field.is("[type=checkbox]") || field.hasAttr("checked")) {
					fields.put(field.attr("name"), value);
				}
			});
			fields.put("firstName", name);
			HttpResponse<String> refused = http.postForm(path, fields);
			assertThat(refused.statusCode()).as(name).isEqualTo(200);
			assertThat(refused.body()).as(name).contains("Keep this on one line", "is-invalid");
		}
		assertThat(this.jdbc.queryForObject("select first_name from employees where id = ?", String.class,
				person.employeeId()))
			.isEqualTo(before);
	}

	@Test
	void hrCannotNameADepartmentOrLocationOverTwoLines() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("hr@herald.test", "herald-demo");
		String token = TestHttp.csrfToken(http.page("/admin/directory").body());
		for (String name : new String[] { "Shadow\rIT", "Shadow\nIT", "Shadow\u0000IT" }) {
			HttpResponse<String> department = http.postForm("/admin/directory/departments",
					Map.of("_csrf", token, "name", name));
			assertThat(department.statusCode()).as(name).isEqualTo(302);
			HttpResponse<String> location = http.postForm("/admin/directory/locations",
					Map.of("_csrf", token, "name", name, "timeZone", "Europe/Warsaw"));
			assertThat(location.statusCode()).as(name).isEqualTo(302);
		}
		assertThat(http.page("/admin/directory").body()).contains("Keep this on one line");
		assertThat(this.jdbc.queryForObject("select count(*) from departments where name like 'Shadow_IT'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from locations where name like 'Shadow_IT'", Long.class))
			.isZero();
	}

	@Test
	void profilesDownloadAsVCard() {
		TestHttp http = new TestHttp(this.port);
		http.signIn("employee@herald.test", "herald-demo");
		HttpResponse<String> card = http.get("/directory/" + idOf("employee@herald.test") + ".vcf");
		assertThat(card.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/vcard"));
		assertThat(card.body()).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
			.contains("FN:Łukasz Zieliński\r\n", "EMAIL;TYPE=work:employee@herald.test");
	}

	@Test
	void apiPagesThroughEmployeesWithACursorAndFilters() {
		TestHttp http = new TestHttp(this.port);
		HttpResponse<String> first = http.getWithBasic("/api/v1/employees", "employee@herald.test", "herald-demo");
		assertThat(first.statusCode()).isEqualTo(200);
		Matcher next = Pattern.compile("\"next\":\"(\\d+)\"").matcher(first.body());
		assertThat(next.find()).isTrue();
		HttpResponse<String> second = http.getWithBasic("/api/v1/employees?cursor=" + next.group(1),
				"employee@herald.test", "herald-demo");
		Matcher firstId = Pattern.compile("\"id\":(\\d+)").matcher(second.body());
		assertThat(firstId.find()).isTrue();
		assertThat(Long.parseLong(firstId.group(1))).isGreaterThan(Long.parseLong(next.group(1)));

		HttpResponse<String> taipei = http.getWithBasic("/api/v1/employees?location=Taipei", "employee@herald.test",
				"herald-demo");
		assertThat(taipei.body()).contains("\"location\":\"Taipei\"")
			.doesNotContain("\"location\":\"Warsaw\"")
			.doesNotContain("\"location\":\"London\"");

		long employee = idOf("employee@herald.test");
		HttpResponse<String> one = http.getWithBasic("/api/v1/employees/" + employee, "employee@herald.test",
				"herald-demo");
		assertThat(one.body()).contains("\"manager\":{\"id\":", "\"directReports\":[");
		assertThat(http.getWithBasic("/api/v1/employees/999999", "employee@herald.test", "herald-demo").statusCode())
			.isEqualTo(404);
		assertThat(
				http.getWithBasic("/api/v1/employees?cursor=abc", "employee@herald.test", "herald-demo").statusCode())
			.isEqualTo(400);
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
	}

}
