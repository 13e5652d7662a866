package io.herald.audit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log page and its CSV over HTTP against PostgreSQL: actions in words, targets
 * by their titles with links while they exist, filters by who and by days in the viewer's
 * zone, the selection as a spreadsheet-safe CSV; for administrators alone. Each test
 * reads only entries written by an actor of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditLogWebTests implements PostgresIntegrationTest {

	// The zone Announcing gives its people, administrators included.
	private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditLog audit;

	Announcing people;

	Person admin;

	@BeforeEach
	void setUp() {
		this.people = new Announcing(this.jdbc);
		this.admin = this.people.person("Admin", "ADMIN");
	}

	@Test
	void showsActionsInWordsAndTargetsByTitleWithALinkWhileTheyExist() {
		Person actor = this.people.person("Actor");
		Person subject = this.people.person("Subject");
		long accountId = accountOf(subject);
		String actorEmail = record(actor, "account.role.granted", "account", accountId, "role HR");
		record(actor, "directory.person.changed", "employee", subject.employeeId(), "job title");
		record(actor, "directory.person.changed", "employee", Long.MAX_VALUE, "someone long gone");
		record(actor, "brand.new.action", null, null, null);
		TestHttp http = this.admin.signIn(this.port);

		Document page = page(http, "/admin/audit?actor=" + encode(actorEmail));

		assertThat(page.select("[data-audit-entry]")).hasSize(4);
		assertThat(page.select("[data-audit-action]").eachText()).containsExactly("brand.new.action", "Person changed",
				"Person changed", "Role given");
		assertThat(page.select("[data-audit-target] a").eachAttr("href"))
			.containsExactly("/directory/" + subject.employeeId(), "/admin/users/" + subject.employeeId());
		String name = "Subject " + this.jdbc.queryForObject("select last_name from employees where id = ?",
				String.class, subject.employeeId());
		assertThat(page.select("[data-audit-target] a").eachText()).containsExactly(name, name);
		assertThat(page.select("[data-audit-target]").get(1).text()).isEqualTo("Person " + Long.MAX_VALUE);
	}

	@Test
	void filtersByWhoDidItAndByDaysInTheViewersZone() {
		Person actor = this.people.person("Actor");
		String actorEmail = record(actor, "account.enabled", null, null, "one");
		record(actor, "channel.created", null, null, "two");
		TestHttp http = this.admin.signIn(this.port);
		LocalDate today = LocalDate.now(WARSAW);
		String who = "/admin/audit?actor=" + encode(actorEmail.toUpperCase());

		assertThat(page(http, who).select("[data-audit-entry]")).hasSize(2);
		assertThat(page(http, who + "&action=channel.").select("[data-audit-action]").eachText())
			.containsExactly("Channel created");
		assertThat(page(http, who + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
			.select("[data-audit-entry]")).hasSize(2);
		assertThat(page(http, who + "&from=" + today.plusDays(2)).select("[data-audit-entry]")).isEmpty();
		assertThat(page(http, who + "&to=" + today.minusDays(2)).select("[data-audit-entry]")).isEmpty();

		Document bad = page(http, who + "&from=yesterday&to=" + today.minusDays(2));
		assertThat(bad.select("[data-filter-problems] li").eachText())
			.containsExactly("The first day is not a date (YYYY-MM-DD); it is left out.");
		assertThat(bad.select("[data-audit-entry]")).isEmpty();
		Document backwards = page(http, who + "&from=" + today.plusDays(1) + "&to=" + today.minusDays(1));
		assertThat(backwards.select("[data-filter-problems] li").eachText())
			.containsExactly("The last day is before the first; the days are left out.");
		assertThat(backwards.select("[data-audit-entry]")).hasSize(2);
	}

	@Test
	void exportsTheSelectionAsCsvWithABomAndInertFormulas() {
		Person actor = this.people.person("Actor");
		String actorEmail = record(actor, "account.password.reset", null, null, "=HYPERLINK(\"http://evil\")");
		TestHttp http = this.admin.signIn(this.port);
		Document page = page(http, "/admin/audit?actor=" + encode(actorEmail));
		String link = page.selectFirst("[data-audit-csv]").attr("href");
		assertThat(link).startsWith("/admin/audit/export.csv?").contains("actor=");

		HttpResponse<byte[]> csv = http.download(link);

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("audit-log.csv");
		byte[] body = csv.body();
		assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo("occurred_at,actor,action,description,target_type,target_id,details");
		assertThat(lines.get(1)).contains(actorEmail, "account.password.reset", "Password reset",
				"'=HYPERLINK(\"\"http://evil\"\")");
	}

	@Test
	void theAuditLogIsForAdministratorsOnly() {
		for (Person outsider : List.of(this.people.person("Hr", "HR"), this.people.person("Comms", "COMMS_MANAGER"))) {
			TestHttp http = outsider.signIn(this.port);
			assertThat(http.page("/admin/audit").statusCode()).isEqualTo(403);
			assertThat(http.download("/admin/audit/export.csv").statusCode()).isEqualTo(403);
		}
	}

	private String record(Person actor, String action, String targetType, Long targetId, String details) {
		SignedIn.as(SignedIn.person(actor.employeeId()), () -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.audit.record(action, targetType, targetId, details)));
		return this.jdbc.queryForObject("select max(actor_email) from audit_entries where actor_id = ?", String.class,
				actor.employeeId());
	}

	private long accountOf(Person person) {
		return this.jdbc.queryForObject("select id from user_accounts where employee_id = ?", Long.class,
				person.employeeId());
	}

	private static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
