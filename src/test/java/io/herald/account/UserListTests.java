package io.herald.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of users over HTTP against PostgreSQL: narrowed by a role and by where the
 * account stands, together with the search; a value that is neither is named and left
 * out; invitation links are there to select, with a copy button for scripts to reveal.
 * Each test finds only people of its own by a name nobody else has.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UserListTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void narrowsByRoleAndAccountState() {
		Announcing people = new Announcing(this.jdbc);
		String name = "U" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		Person plain = people.person(name);
		Person hr = people.person(name, "HR");
		Person disabled = people.person(name);
		Person invited = people.person(name);
		this.jdbc.update("update user_accounts set enabled = false where employee_id = ?", disabled.employeeId());
		this.jdbc.update("update user_accounts set password_hash = null where employee_id = ?", invited.employeeId());
		this.jdbc.update(
				"insert into account_invitations (account_id, token, expires_at, created_at) "
						+ "select id, ?, current_timestamp + interval '1 day', current_timestamp from user_accounts "
						+ "where employee_id = ?",
				"tok" + UUID.randomUUID().toString().replace("-", ""), invited.employeeId());
		this.jdbc.update("delete from account_roles where account_id = (select id from user_accounts "
				+ "where employee_id = ?)", plain.employeeId());
		Person noAccount = people.person(name);
		this.jdbc.update("delete from account_roles where account_id = (select id from user_accounts "
				+ "where employee_id = ?)", noAccount.employeeId());
		this.jdbc.update("delete from user_accounts where employee_id = ?", noAccount.employeeId());
		TestHttp http = people.person("Admin", "ADMIN").signIn(this.port);

		assertThat(emails(http, "/admin/users?q=" + name)).containsExactlyInAnyOrder(plain.email(), hr.email(),
				disabled.email(), invited.email(), noAccount.email());
		assertThat(emails(http, "/admin/users?q=" + name + "&role=HR")).containsExactly(hr.email());
		assertThat(emails(http, "/admin/users?q=" + name + "&role=EMPLOYEE")).containsExactlyInAnyOrder(hr.email(),
				disabled.email(), invited.email());
		assertThat(emails(http, "/admin/users?q=" + name + "&state=DISABLED")).containsExactly(disabled.email());
		assertThat(emails(http, "/admin/users?q=" + name + "&state=NO_ACCOUNT")).containsExactly(noAccount.email());
		assertThat(emails(http, "/admin/users?q=" + name + "&state=ENABLED")).containsExactlyInAnyOrder(plain.email(),
				hr.email());

		Document invitedOnly = page(http, "/admin/users?q=" + name + "&state=INVITED");
		assertThat(invitedOnly.select("[data-person-email]").eachText()).containsExactly(invited.email());
		assertThat(invitedOnly.select("[data-invitation-link]").text()).contains("/invitation/tok");
		assertThat(invitedOnly.select("button[data-copy][hidden]")).hasSize(1);
		assertThat(invitedOnly.select("script[type=module][src=/js/copy-link.js]")).hasSize(1);

		Document bad = page(http, "/admin/users?q=" + name + "&role=KING&state=ASLEEP");
		assertThat(bad.select("[data-filter-problems] li").eachText()).containsExactly(
				"That is not a role; choose one from the list.",
				"That is not an account state; choose one from the list.");
		assertThat(bad.select("[data-person-email]")).hasSize(5);
	}

	@Test
	void theListIsForAdministratorsOnly() {
		Announcing people = new Announcing(this.jdbc);
		for (Person outsider : List.of(people.person("Hr", "HR"), people.person("Someone"))) {
			assertThat(outsider.signIn(this.port).page("/admin/users?role=ADMIN").statusCode()).isEqualTo(403);
		}
	}

	private static List<String> emails(TestHttp http, String path) {
		return page(http, path).select("[data-person-email]").eachText();
	}

	private static Document page(TestHttp http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
