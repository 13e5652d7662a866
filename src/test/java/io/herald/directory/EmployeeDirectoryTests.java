package io.herald.directory;

import java.time.ZoneId;
import java.util.List;

import io.herald.shared.ChangeRefused;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory against PostgreSQL with the demo organisation. Tests that change people
 * work on people they add themselves and roll back.
 */
@Import(StatementCounter.class)
@SpringBootTest
@RecordApplicationEvents
class EmployeeDirectoryTests implements PostgresIntegrationTest {

	@Autowired
	EmployeeDirectory directory;

	@Autowired
	DirectoryAdministration administration;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithMockUser
	void findsPolishNamesTypedWithoutDiacritics() {
		assertThat(
				emails(this.directory.search(DirectorySearch.of("lukasz zielinski"), Pageable.ofSize(50)).getContent()))
			.contains("employee@herald.test");
		assertThat(
				emails(this.directory.search(DirectorySearch.of("ŁUKASZ Zieliński"), Pageable.ofSize(50)).getContent()))
			.contains("employee@herald.test");
	}

	@Test
	@WithMockUser
	void findsChineseNamesByTheirCharacters() {
		String someone = this.jdbc.queryForObject("""
				select e.last_name || e.first_name from employees e join locations l on l.id = e.location_id
				where l.name = 'Taipei' order by e.id limit 1""", String.class);
		List<EmployeeSummary> found = this.directory.search(DirectorySearch.of(someone), Pageable.ofSize(50))
			.getContent();
		assertThat(found).isNotEmpty().allSatisfy((p) -> assertThat(p.displayName()).isEqualTo(someone));
	}

	@Test
	@WithMockUser
	void findsBySkillJobTitleAndLocationAndFiltersByDepartment() {
		long engineering = this.jdbc.queryForObject("select id from departments where name = 'Engineering'",
				Long.class);
		List<EmployeeSummary> found = this.directory
			.search(new DirectorySearch("software warsaw", engineering, null, false), Pageable.ofSize(200))
			.getContent();
		assertThat(found).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.department()).isEqualTo("Engineering"))
			.allSatisfy((p) -> assertThat(p.location()).isEqualTo("Warsaw"))
			.allSatisfy((p) -> assertThat(p.jobTitle()).containsIgnoringCase("software"));
		String skill = this.jdbc
			.queryForObject("select skills from employees where skills is not null order by id limit 1", String.class)
			.split(";")[0];
		assertThat(this.directory.search(DirectorySearch.of(skill), Pageable.ofSize(5)).getTotalElements())
			.isPositive();
	}

	@Test
	@WithMockUser
	void profilesShowTheWholeReportingLineUpToTheTop() {
		long employee = idOf("employee@herald.test");
		EmployeeProfile profile = this.directory.findProfile(employee).orElseThrow();
		assertThat(profile.managerChain()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(profile.managerChainFromTop().get(0).managerId()).isNull();
		assertThat(profile.manager().id()).isEqualTo(profile.person().managerId());
	}

	@Test
	@WithMockUser
	void theOrgChartAroundAPersonShowsTheChainAboveAndTwoLevelsBelow() {
		long employee = idOf("employee@herald.test");
		long manager = this.jdbc.queryForObject("select manager_id from employees where id = ?", Long.class, employee);
		OrgChart chart = this.directory.orgChart(manager).orElseThrow();
		assertThat(chart.roots()).singleElement().satisfies((root) -> {
			assertThat(root.person().id()).isEqualTo(manager);
			assertThat(root.reports()).extracting((n) -> n.person().id()).contains(employee);
			assertThat(root.reportCount()).isEqualTo(root.reports().size());
		});
		assertThat(chart.above()).isNotEmpty();
		assertThat(chart.above().get(0).managerId()).isNull();
		// Other tests add people without a manager to the shared database,
		// enough to fill the chart's first page: start from the demo
		// organisation's own top.
		long chief = this.jdbc.queryForObject(
				"select id from employees where manager_id is null and active and email like '%@herald.test'",
				Long.class);
		OrgChart top = this.directory.orgChart(chief).orElseThrow();
		assertThat(top.roots()).singleElement()
			.satisfies((ceo) -> assertThat(ceo.reports())
				.allSatisfy((head) -> assertThat(head.reports().size()).isEqualTo((int) head.reportCount())));
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void hrAddsAPersonAndEveryoneCanFindThem(ApplicationEvents events) {
		long id = this.administration.addPerson(person("agnieszka.nowa@directory.test", "employee@herald.test", 0));
		assertThat(events.stream(EmployeesJoined.class)).singleElement()
			.satisfies((joined) -> assertThat(joined.employeeIds()).containsExactly(id));
		assertThat(emails(this.directory.search(DirectorySearch.of("agnieszka nowa"), Pageable.ofSize(5)).getContent()))
			.containsExactly("agnieszka.nowa@directory.test");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'directory.person.added' and target_id = ?",
				Integer.class, id))
			.isOne();
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void refusesAManagerChainThatLoopsBack() {
		long id = this.administration.addPerson(person("new.manager@directory.test", null, 0));
		this.administration.addPerson(person("new.report@directory.test", "new.manager@directory.test", 0));
		EmployeeProfile manager = this.directory.findProfile(id).orElseThrow();
		assertThatThrownBy(() -> this.administration.changePerson(id,
				person("new.manager@directory.test", "new.report@directory.test", manager.version())))
			.isInstanceOfSatisfying(InvalidDirectoryChange.class, (refused) -> assertThat(refused.problems())
				.containsExactly(new InvalidDirectoryChange.Problem("managerEmail", "directory.manager.cycle")));
		assertThatThrownBy(() -> this.administration.changePerson(id,
				person("new.manager@directory.test", "new.manager@directory.test", manager.version())))
			.isInstanceOf(InvalidDirectoryChange.class);
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void refusesAnEditStartedFromAnOlderVersion() {
		long id = this.administration.addPerson(person("stale.edit@directory.test", null, 0));
		long version = this.directory.findProfile(id).orElseThrow().version();
		this.administration.changePerson(id, person("stale.edit@directory.test", "employee@herald.test", version));
		assertThatThrownBy(
				() -> this.administration.changePerson(id, person("stale.edit@directory.test", null, version)))
			.isInstanceOfSatisfying(InvalidDirectoryChange.class,
					(refused) -> assertThat(refused.problems()).extracting(InvalidDirectoryChange.Problem::code)
						.containsExactly("directory.edit.concurrent"));
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void aDeactivatedPersonLeavesSearchButHrStillFindsThem(ApplicationEvents events) {
		long id = this.administration.addPerson(person("leaver@directory.test", null, 0));
		this.administration.deactivate(id);
		this.administration.deactivate(id);
		assertThat(events.stream(EmployeesLeft.class)).singleElement()
			.satisfies((left) -> assertThat(left.employeeIds()).containsExactly(id));
		assertThat(this.directory.search(DirectorySearch.of("leaver@directory.test"), Pageable.ofSize(5))).isEmpty();
		assertThat(this.directory.search(new DirectorySearch("leaver@directory.test", null, null, true),
				Pageable.ofSize(5)))
			.hasSize(1);
		this.administration.reactivate(id);
		assertThat(events.stream(EmployeesReturned.class)).hasSize(1);
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void renamingADepartmentKeepsSearchRightWithoutDisturbingOpenEditForms() {
		long department = this.administration.saveDepartment(null, "Skunkworks", null);
		PersonDetails details = person("skunk@directory.test", null, 0);
		long id = this.administration
			.addPerson(new PersonDetails(details.email(), null, details.firstName(), details.lastName(), null, null,
					department, null, null, null, null, details.timeZone(), details.language(), null, null, 0));
		long version = this.directory.findProfile(id).orElseThrow().version();

		this.administration.saveDepartment(department, "Łączność", null);

		assertThat(emails(this.directory.search(DirectorySearch.of("lacznosc"), Pageable.ofSize(5)).getContent()))
			.containsExactly("skunk@directory.test");
		assertThat(this.directory.search(DirectorySearch.of("skunkworks"), Pageable.ofSize(5))).isEmpty();
		assertThat(this.directory.findProfile(id).orElseThrow().version()).isEqualTo(version);
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void aDirectoryWithoutManagersStillGivesAChartOfBoundedSize() {
		for (int i = 0; i < 55; i++) {
			this.administration.addPerson(person("orphan" + i + "@directory.test", null, 0));
		}
		OrgChart top = this.directory.orgChart(null).orElseThrow();
		assertThat(top.roots()).hasSize(50);
		assertThat(top.moreAtTop()).isGreaterThanOrEqualTo(6);
	}

	@Test
	@Transactional
	@WithMockUser(roles = "HR")
	void hrCannotDeactivateTheLastActiveAdministrator() {
		long admin = idOf("admin@herald.test");
		// Whatever other tests did, admin@herald.test is the only administrator
		// in this transaction.
		this.jdbc.update("""
				delete from account_roles where role = 'ADMIN'
				and account_id <> (select id from user_accounts where employee_id = ?)""", admin);
		assertThatThrownBy(() -> this.administration.deactivate(admin)).isInstanceOfSatisfying(ChangeRefused.class,
				(refused) -> assertThat(refused.code()).isEqualTo("account.refused.lastAdminLeaving"));
	}

	@Test
	@WithMockUser(roles = "EMPLOYEE")
	void employeesCannotEditOthersOrTheOrganisation() {
		long employee = idOf("employee@herald.test");
		assertThatThrownBy(() -> this.administration.changePerson(employee, person("x@directory.test", null, 0)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.deactivate(employee)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.administration.saveDepartment(null, "Shadow IT", null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.directory.changeOwnDetails(employee,
				new OwnDetails(null, null, null, ZoneId.of("UTC"), "en")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@Transactional
	@WithUserDetails("employee@herald.test")
	void peopleChangeTheirOwnPhonesAndTimeZoneWithinTheRules() {
		long me = idOf("employee@herald.test");
		this.directory.changeOwnDetails(me,
				new OwnDetails("Łukasz Z.", "+48 22 555 01 01", null, ZoneId.of("Asia/Taipei"), "pl"));
		EmployeeProfile profile = this.directory.findProfile(me).orElseThrow();
		assertThat(profile.phone()).isEqualTo("+48 22 555 01 01");
		assertThat(profile.displayName()).isEqualTo("Łukasz Z.");
		assertThat(profile.timeZone()).isEqualTo(ZoneId.of("Asia/Taipei"));
		assertThatThrownBy(() -> this.directory.changeOwnDetails(me,
				new OwnDetails(null, "call me maybe", null, ZoneId.of("UTC"), "xx")))
			.isInstanceOfSatisfying(InvalidDirectoryChange.class,
					(refused) -> assertThat(refused.problems()).extracting(InvalidDirectoryChange.Problem::field)
						.containsExactlyInAnyOrder("phone", "language"));
		long someoneElse = this.jdbc.queryForObject("select manager_id from employees where id = ?", Long.class, me);
		assertThatThrownBy(() -> this.directory.changeOwnDetails(someoneElse,
				new OwnDetails(null, null, null, ZoneId.of("UTC"), "en")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithMockUser
	void aPageOfResultsAProfileAndAChartLevelCostAFixedNumberOfStatements() {
		// Counted on this thread only: the application's background jobs run statements
		// of their own meanwhile.
		assertThat(StatementCounter.count(StatementCounter.callingThread(),
				() -> this.directory.search(DirectorySearch.of("a"), Pageable.ofSize(25))))
			.as("search page and its count")
			.isEqualTo(2);
		long me = idOf("employee@herald.test");
		assertThat(StatementCounter.count(StatementCounter.callingThread(), () -> this.directory.findProfile(me)))
			.as("person, chain ids, chain, reports")
			.isEqualTo(4);
		// The top of the chart, how many more there are when it is full (other tests add
		// people without a manager), then each level's people and their counts.
		assertThat(StatementCounter.count(StatementCounter.callingThread(), () -> this.directory.orgChart(null)))
			.as("the top, its count, and three levels, each people and counts")
			.isLessThanOrEqualTo(7);
	}

	private PersonDetails person(String email, String managerEmail, long version) {
		return new PersonDetails(email, null, "Agnieszka", "Nowa", null, "Analyst", null, null, managerEmail, null,
				null, ZoneId.of("Europe/Warsaw"), "pl", "SQL; Excel", null, version);
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
	}

	private static List<String> emails(List<EmployeeSummary> people) {
		return people.stream().map(EmployeeSummary::email).toList();
	}

}
