package io.herald.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.herald.shared.Role;
import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration routes over HTTP: closed to everyone but administrators, for reading
 * and for changing; and the public invitation page answering clearly for a bad link.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountAdministrationHttpTests implements PostgresIntegrationTest {

	private static final String DEMO_PASSWORD = "herald-demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void nonAdministratorsGet403OnEveryAdministrationRoute() {
		FinancePeople.Person target = FinancePeople.next(this.context);
		for (String email : List.of("employee@herald.test", "hr@herald.test", "comms@herald.test")) {
			TestHttp http = new TestHttp(this.port);
			http.signIn(email, DEMO_PASSWORD);
			String csrf = TestHttp.csrfToken(http.page("/me").body());

			for (String path : List.of("/admin/users", "/admin/users/" + target.employeeId(), "/admin/audit",
					"/admin/audit?action=account.")) {
				assertThat(http.page(path).statusCode()).as("%s GET %s", email, path).isEqualTo(403);
			}
			for (String action : List.of("roles/ADMIN/grant", "roles/EMPLOYEE/revoke", "password-reset", "disable",
					"enable", "end-sessions", "invite")) {
				String path = "/admin/users/" + target.employeeId() + "/" + action;
				assertThat(http.postForm(path, Map.of("_csrf", csrf)).statusCode()).as("%s POST %s", email, path)
					.isEqualTo(403);
			}
		}
		assertThat(this.jdbc.queryForList("select role from account_roles where account_id = ?", String.class,
				target.accountId()))
			.containsExactly("EMPLOYEE");
		assertThat(this.jdbc.queryForObject("select enabled from user_accounts where id = ?", Boolean.class,
				target.accountId()))
			.isTrue();
	}

	@Test
	void anAdministratorChangesARoleThroughTheFormAndSeesItInTheAuditLog() {
		FinancePeople.Person target = FinancePeople.next(this.context);
		TestHttp http = new TestHttp(this.port);
		http.signIn("admin@herald.test", DEMO_PASSWORD);
		HttpResponse<String> detail = http.page("/admin/users/" + target.employeeId());
		assertThat(detail.statusCode()).isEqualTo(200);

		HttpResponse<String> granted = http.postForm("/admin/users/" + target.employeeId() + "/roles/HR/grant",
				Map.of("_csrf", TestHttp.csrfToken(detail.body())));

		assertThat(granted.statusCode()).isEqualTo(302);
		assertThat(granted.headers().firstValue("Location").orElseThrow())
			.endsWith("/admin/users/" + target.employeeId());
		assertThat(http.page("/admin/users/" + target.employeeId()).body()).contains("The role has been given.");
		HttpResponse<String> audit = http.page("/admin/audit?action=account.role");
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("Role given").contains("role HR given to employee " + target.employeeId());
		assertThat(http.page("/admin/users/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void aPostWithoutCsrfTokenChangesNothing() {
		FinancePeople.Person target = FinancePeople.next(this.context);
		TestHttp http = new TestHttp(this.port);
		http.signIn("admin@herald.test", DEMO_PASSWORD);

		assertThat(http.postForm("/admin/users/" + target.employeeId() + "/disable", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select enabled from user_accounts where id = ?", Boolean.class,
				target.accountId()))
			.isTrue();
	}

	@Test
	void anUnknownInvitationLinkGetsAClearPageWithoutSigningIn() {
		HttpResponse<String> response = new TestHttp(this.port).page("/invitation/no-such-token");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("This invitation link cannot be used")
			.contains("There is no such invitation.")
			.doesNotContain("Exception");
	}

}
