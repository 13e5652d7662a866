package io.herald.demo;

import java.util.List;
import java.util.Map;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DemoOrganisationTests implements PostgresIntegrationTest {

	// Other tests add people of their own to the shared database; these are the demo's.
	private static final String DEMO_PEOPLE = "select * from employees where email like '%@herald.test'";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoOrganisation demo;

	@Test
	void createsAboutThreeHundredPeopleWithAnAccountEach() {
		Integer people = this.jdbc.queryForObject(DEMO_PEOPLE.replace("*", "count(*)"), Integer.class);
		Integer accounts = this.jdbc.queryForObject(
				"select count(*) from user_accounts a join employees e on e.id = a.employee_id where e.email like '%@herald.test'",
				Integer.class);
		assertThat(people).isBetween(280, 320);
		assertThat(accounts).isEqualTo(people);
	}

	@Test
	void hasOneChiefAtTheTopAndEveryoneElseReportsUpToThem() {
		List<Long> top = this.jdbc.queryForList(
				"select id from employees where manager_id is null and email like '%@herald.test'", Long.class);
		assertThat(top).hasSize(1);
		Integer reachable = this.jdbc.queryForObject("""
				with recursive chain(id) as (
				  select id from employees where id = ?
				  union all
				  select e.id from employees e join chain c on e.manager_id = c.id where e.email like '%@herald.test')
				select count(*) from chain""", Integer.class, top.get(0));
		Integer people = this.jdbc.queryForObject(DEMO_PEOPLE.replace("*", "count(*)"), Integer.class);
		assertThat(reachable).isEqualTo(people);
	}

	@Test
	void demoAccountsHoldTheirRolesAndTheEmployeesManagerCanSignInToo() {
		assertThat(rolesOf("employee@herald.test")).containsExactly("EMPLOYEE");
		assertThat(rolesOf("comms@herald.test")).contains("EMPLOYEE", "COMMS_MANAGER");
		assertThat(rolesOf("hr@herald.test")).contains("EMPLOYEE", "HR");
		assertThat(rolesOf("admin@herald.test")).contains("EMPLOYEE", "ADMIN");
		Integer managerAccounts = this.jdbc.queryForObject("""
				select count(*) from employees e join employees m on m.id = e.manager_id
				join user_accounts a on a.employee_id = m.id
				where e.email = 'employee@herald.test' and a.enabled""", Integer.class);
		assertThat(managerAccounts).isOne();
	}

	@Test
	void namesFitWherePeopleWork() {
		List<Map<String, Object>> taipei = this.jdbc.queryForList("""
				select e.first_name, e.last_name, e.time_zone from employees e join locations l on l.id = e.location_id
				where l.name = 'Taipei'""");
		assertThat(taipei).isNotEmpty()
			.allSatisfy((row) -> assertThat((String) row.get("last_name")).matches("\\p{IsHan}+"))
			.allSatisfy((row) -> assertThat(row.get("time_zone")).isEqualTo("Asia/Taipei"));
		Integer polishLetters = this.jdbc.queryForObject("""
				select count(*) from employees e join locations l on l.id = e.location_id
				where l.name in ('Warsaw', 'Kraków') and (e.last_name like '%ń%' or e.last_name like '%ł%'
				  or e.last_name like '%ó%' or e.first_name like '%ł%' or e.last_name like '%ą%')""", Integer.class);
		assertThat(polishLetters).isPositive();
		// Other tests add locations of their own to the shared database.
		assertThat(this.jdbc.queryForList("select name from locations order by name", String.class)).contains("Kraków",
				"London", "Remote", "Taipei", "Warsaw");
	}

	@Test
	void runningAgainChangesNothing() throws Exception {
		List<Map<String, Object>> before = this.jdbc.queryForList(DEMO_PEOPLE + " order by id");
		Integer accounts = this.jdbc.queryForObject("select count(*) from user_accounts", Integer.class);
		this.demo.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.queryForList(DEMO_PEOPLE + " order by id")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from user_accounts", Integer.class)).isEqualTo(accounts);
	}

	private List<String> rolesOf(String email) {
		return this.jdbc.queryForList("""
				select r.role from account_roles r join user_accounts a on a.id = r.account_id
				join employees e on e.id = a.employee_id where e.email = ? order by r.role""", String.class, email);
	}

}
