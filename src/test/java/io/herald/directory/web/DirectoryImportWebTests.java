package io.herald.directory.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.herald.directory.ImportTestData;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import through HTTP as HR and integrations use it: the JSON API, the upload →
 * preview → apply pages, the export download, and the doors closed to everyone else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectoryImportWebTests implements PostgresIntegrationTest {

	static final String PASSWORD = "herald-demo";

	static final String API = "/api/v1/directory/import";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@AfterEach
	void removeTestPeople() {
		ImportTestData.removeAll(this.jdbc);
	}

	@Test
	void aDryRunReportsWhatWouldChangeAndChangesNothing() {
		HttpResponse<String> response = this.http.postWithBasic(API + "?dryRun=true", "text/csv",
				csv("email,first_name,last_name\napi.dry@import.test,Api,Dry\n"), "hr@herald.test", PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"created\":1", "\"updated\":0", "\"deactivated\":0", "\"errors\":[]",
				"\"applied\":false");
		assertThat(count("api.dry@import.test")).isZero();
	}

	@Test
	void anApplyWritesThePeople() {
		HttpResponse<String> response = this.http.postWithBasic(API + "?dryRun=false", "text/csv; charset=utf-8",
				csv("email,first_name,last_name,language\napi.apply@import.test,Api,Apply,zh-TW\n"),
				"admin@herald.test", PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"created\":1", "\"applied\":true");
		assertThat(count("api.apply@import.test")).isOne();
	}

	@Test
	void anyProblemIsA422WithEveryLineAndColumnAndNothingApplied() {
		HttpResponse<String> response = this.http.postWithBasic(API + "?dryRun=false", "text/csv", csv(
				"email,first_name,last_name,time_zone\napi.ok@import.test,Api,Ok,UTC\nnot-an-email,Api,Bad,Mars/Base\n"),
				"hr@herald.test", PASSWORD);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":422", "\"title\":", "\"type\":", "\"detail\":",
				"{\"line\":3,\"column\":\"email\",\"message\":\"\\\"not-an-email\\\" is not a valid e-mail address.\"}",
				"\"column\":\"time_zone\"", "\"created\":1");
		assertThat(count("api.ok@import.test")).isZero();
	}

	@Test
	void anEmployeeGetsA403ProblemFromTheApi() {
		HttpResponse<String> response = this.http.postWithBasic(API + "?dryRun=true", "text/csv",
				csv("email,first_name,last_name\nsneaky@import.test,Sne,Aky\n"), "employee@herald.test", PASSWORD);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anEmployeeReachesNeitherTheImportPagesNorTheExport() {
		this.http.signIn("employee@herald.test", PASSWORD);
		assertThat(this.http.page("/admin/directory/import").statusCode()).isEqualTo(403);
		assertThat(this.http.download("/admin/directory/export.csv").statusCode()).isEqualTo(403);
		assertThat(this.http.download("/admin/directory/import/template.csv").statusCode()).isEqualTo(403);
	}

	@Test
	void hrUploadsPreviewsAndApplies() {
		this.http.signIn("hr@herald.test", PASSWORD);
		HttpResponse<String> form = this.http.page("/admin/directory/import");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("enctype=\"multipart/form-data\"", "/js/directory-import.js");

		HttpResponse<String> upload = this.http.postMultipart("/admin/directory/import",
				Map.of("_csrf", TestHttp.csrfToken(form.body())), "file", "people.csv",
				csv("email,first_name,last_name,job_title\nweb.new@import.test,Wanda,Nowa,Analyst\n"));
		assertThat(upload.statusCode()).isEqualTo(302);
		String preview = upload.headers().firstValue("Location").orElseThrow();
		assertThat(preview).contains("/admin/directory/import/");

		HttpResponse<String> page = this.http.page(path(preview));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("data-count=\"created\">1<", "web.new@import.test", "Wanda Nowa", ">First name</th>",
					">Job title</th>", "data-field=\"job_title\">Analyst</td>")
			.doesNotContain(">first_name<", "job_title: ");

		HttpResponse<String> applied = this.http.postForm(path(preview) + "/apply",
				Map.of("_csrf", TestHttp.csrfToken(page.body())));
		assertThat(applied.statusCode()).isEqualTo(302);
		assertThat(count("web.new@import.test")).isOne();
		HttpResponse<String> after = this.http.page("/admin/directory/import");
		assertThat(after.body()).contains("data-import-applied");
	}

	@Test
	void thePreviewShowsChangesFieldByFieldWithReadableNames() {
		assertThat(this.http
			.postWithBasic(API + "?dryRun=false", "text/csv",
					csv("email,first_name,last_name,job_title\nweb.update@import.test,Uma,Update,Analyst\n"),
					"hr@herald.test", PASSWORD)
			.statusCode()).isEqualTo(200);
		this.http.signIn("hr@herald.test", PASSWORD);
		String token = TestHttp.csrfToken(this.http.page("/admin/directory/import").body());
		HttpResponse<String> upload = this.http.postMultipart("/admin/directory/import", Map.of("_csrf", token), "file",
				"people.csv", csv("email,first_name,last_name,job_title\nweb.update@import.test,Uma,Update,Lead\n"));
		HttpResponse<String> page = this.http.page(path(upload.headers().firstValue("Location").orElseThrow()));
		assertThat(page.body()).contains("data-count=\"updated\">1<", "data-import-updated",
				"data-field=\"job_title\">Job title</td>", "<td>Analyst</td>", "<td>Lead</td>");
	}

	@Test
	void thePreviewListsEveryProblemAndOffersNoApply() {
		this.http.signIn("hr@herald.test", PASSWORD);
		String token = TestHttp.csrfToken(this.http.page("/admin/directory/import").body());
		HttpResponse<String> upload = this.http.postMultipart("/admin/directory/import", Map.of("_csrf", token), "file",
				"broken.csv", csv("email,first_name,last_name\nweb.broken@import.test,Ana,\n"));
		HttpResponse<String> page = this.http.page(path(upload.headers().firstValue("Location").orElseThrow()));
		assertThat(page.body())
			.contains("data-import-errors", "<td>2</td>", "<td>last_name</td>", "The last_name is empty")
			.doesNotContain("/apply");
	}

	@Test
	void aCancelledUploadIsGone() {
		this.http.signIn("hr@herald.test", PASSWORD);
		String token = TestHttp.csrfToken(this.http.page("/admin/directory/import").body());
		String preview = path(this.http
			.postMultipart("/admin/directory/import", Map.of("_csrf", token), "file", "people.csv",
					csv("email,first_name,last_name\nweb.cancel@import.test,Can,Cel\n"))
			.headers()
			.firstValue("Location")
			.orElseThrow());
		String pageToken = TestHttp.csrfToken(this.http.page(preview).body());
		assertThat(this.http.postForm(preview + "/cancel", Map.of("_csrf", pageToken)).statusCode()).isEqualTo(302);
		assertThat(this.http.page(preview).statusCode()).isEqualTo(404);
		assertThat(count("web.cancel@import.test")).isZero();
	}

	@Test
	void aFileOverTheLimitComesBackAsAMessage() {
		this.http.signIn("hr@herald.test", PASSWORD);
		String token = TestHttp.csrfToken(this.http.page("/admin/directory/import").body());
		byte[] huge = new byte[22 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'x');
		HttpResponse<String> upload = this.http.postMultipart("/admin/directory/import", Map.of("_csrf", token), "file",
				"huge.csv", huge);
		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/directory/import?tooLarge"));
		assertThat(this.http.page("/admin/directory/import?tooLarge").body()).contains("larger than 20 MB");
	}

	@Test
	void hrDownloadsTheDirectoryInTheImportFormat() {
		this.http.signIn("hr@herald.test", PASSWORD);
		HttpResponse<byte[]> export = this.http.download("/admin/directory/export.csv");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("attachment"));
		String text = new String(export.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFemail,first_name,last_name,employee_number,").contains("hr@herald.test");
	}

	@Test
	void theTemplateHasEveryColumnAndAnExampleTheImportAccepts() {
		this.http.signIn("hr@herald.test", PASSWORD);
		assertThat(this.http.page("/admin/directory/import").body()).contains("/admin/directory/import/template.csv",
				"Download a template");
		HttpResponse<byte[]> template = this.http.download("/admin/directory/import/template.csv");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(template.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"herald-directory-template.csv\"");
		String text = new String(template.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFemail,first_name,last_name,employee_number,preferred_name,job_title,"
				+ "department,location,manager_email,phone,mobile,time_zone,language,start_date,active,skills\r\n");
		assertThat(text.strip().split("\r\n")).hasSize(2);

		// Fed straight back, the template is a valid file: it can never drift from the
		// importer.
		HttpResponse<String> dryRun = this.http.postWithBasic(API + "?dryRun=true", "text/csv", template.body(),
				"hr@herald.test", PASSWORD);
		assertThat(dryRun.statusCode()).isEqualTo(200);
		assertThat(dryRun.body()).contains("\"errors\":[]", "\"created\":1", "\"applied\":false");
	}

	private long count(String email) {
		return this.jdbc.queryForObject("select count(*) from employees where email = ?", Long.class, email);
	}

	private static String path(String location) {
		return location.startsWith("http") ? java.net.URI.create(location).getRawPath() : location;
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
