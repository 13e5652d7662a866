package io.herald.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.herald.directory.ImportPlanner.Existing;
import io.herald.directory.ImportPlanner.LocationInfo;
import io.herald.directory.ImportPlanner.Plan;
import io.herald.directory.ImportPlanner.Snapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan an import file makes against a directory snapshot: matching, diffs, managers
 * and their cycles, departments and locations, full sync.
 */
class ImportPlannerTests {

	private final List<Existing> people = new ArrayList<>();

	private final Snapshot snapshot = new Snapshot(this.people, Map.of(1L, "Engineering"),
			Map.of(1L, new LocationInfo("Warsaw", "Europe/Warsaw")));

	@Test
	void createsUpdatesAndLeavesAloneMatchingByNumberThenEmail() {
		person(1, "E-1", "boss@import.test", "Ada", "Boss", null);
		person(2, null, "same@import.test", "Sam", "Same", 1L);
		person(3, "E-3", "old@import.test", "Olga", "Old", 1L);
		Plan plan = plan("""
				employee_number,email,first_name,last_name,manager_email
				E-1,boss@import.test,Ada,Boss,
				,same@import.test,Sam,Same,boss@import.test
				E-3,new.address@import.test,Olga,Old,boss@import.test
				,fresh@import.test,Fred,Fresh,new.address@import.test
				""", false);
		assertThat(plan.errors()).isEmpty();
		assertThat(plan.unchanged()).isEqualTo(2);
		assertThat(plan.updated()).singleElement().satisfies((node) -> {
			assertThat(node.id).isEqualTo(3L);
			assertThat(ImportPlanner.changes(node))
				.containsExactly(new FieldChange("email", "old@import.test", "new.address@import.test"));
		});
		assertThat(plan.created()).singleElement().satisfies((node) -> {
			assertThat(node.get(ImportColumn.EMAIL)).isEqualTo("fresh@import.test");
			assertThat(node.managerAfter.id).isEqualTo(3L);
			assertThat(node.get(ImportColumn.TIME_ZONE)).isEqualTo("UTC");
			assertThat(node.get(ImportColumn.LANGUAGE)).isEqualTo("en");
		});
	}

	@Test
	void aManagerMayComeLaterInTheFile() {
		Plan plan = plan("""
				email,first_name,last_name,manager_email
				report@import.test,Rita,Report,lead@import.test
				lead@import.test,Leo,Lead,
				""", false);
		assertThat(plan.errors()).isEmpty();
		assertThat(plan.created().get(0).managerAfter).isSameAs(plan.created().get(1));
	}

	@Test
	void aCycleThroughTheDirectoryIsFoundOnTheResultingGraph() {
		person(1, null, "top@import.test", "Tia", "Top", null);
		person(2, null, "middle@import.test", "Max", "Middle", 1L);
		// The top person now reports to a new hire who reports to the middle manager:
		// top -> new -> middle -> top.
		Plan plan = plan("""
				email,first_name,last_name,manager_email
				top@import.test,Tia,Top,new@import.test
				new@import.test,Nel,New,middle@import.test
				""", false);
		assertThat(problems(plan)).extracting(ImportProblem::line).containsExactlyInAnyOrder(2, 3);
		assertThat(problems(plan)).allSatisfy((error) -> {
			assertThat(error.column()).isEqualTo("manager_email");
			assertThat(error.message()).contains("goes round in a circle");
		});
	}

	@Test
	void newDepartmentsAndLocationsAreCreatedOnceAndANewLocationTakesItsFirstRowsZone() {
		Plan plan = plan("""
				email,first_name,last_name,department,location,time_zone
				a@import.test,Ann,A,engineering,Taipei,Asia/Taipei
				b@import.test,Ben,B,Legal,taipei,
				c@import.test,Cai,C,LEGAL,warsaw,
				""", false);
		assertThat(plan.errors()).isEmpty();
		assertThat(plan.newDepartments()).containsExactly("Legal");
		assertThat(plan.newLocations()).containsExactly(new LocationInfo("Taipei", "Asia/Taipei"));
		assertThat(plan.created()).extracting((node) -> node.get(ImportColumn.DEPARTMENT))
			.containsExactly("Engineering", "Legal", "Legal");
		assertThat(plan.created()).extracting((node) -> node.get(ImportColumn.TIME_ZONE))
			.containsExactly("Asia/Taipei", "Asia/Taipei", "Europe/Warsaw");
	}

	@Test
	void fullSyncDeactivatesActivePeopleMissingFromTheFile() {
		person(1, null, "stays@import.test", "Stan", "Stays", null);
		person(2, null, "goes@import.test", "Gosia", "Goes", null);
		Plan plan = plan("email,first_name,last_name\nstays@import.test,Stan,Stays\n", true);
		assertThat(plan.deactivated()).singleElement().satisfies((node) -> assertThat(node.id).isEqualTo(2L));
		assertThat(plan.report(EnglishProblems.MESSAGES, Locale.ENGLISH).deactivatedPeople())
			.containsExactly("Gosia Goes <goes@import.test>");
		assertThat(plan("email,first_name,last_name\nstays@import.test,Stan,Stays\n", false).deactivated()).isEmpty();
	}

	@Test
	void anEmailTakenBySomeoneElseInTheDirectoryIsAnError() {
		person(1, "E-1", "first@import.test", "Fay", "First", null);
		person(2, "E-2", "second@import.test", "Sid", "Second", null);
		Plan plan = plan("employee_number,email,first_name,last_name\nE-1,second@import.test,Fay,First\n", false);
		assertThat(problems(plan)).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(2);
			assertThat(error.column()).isEqualTo("email");
			assertThat(error.message()).contains("belongs to another person");
		});
	}

	@Test
	void swappingEmailsBetweenTwoPeopleIsAllowed() {
		person(1, "E-1", "first@import.test", "Fay", "First", null);
		person(2, "E-2", "second@import.test", "Sid", "Second", null);
		Plan plan = plan("""
				employee_number,email,first_name,last_name
				E-1,second@import.test,Fay,First
				E-2,first@import.test,Sid,Second
				""", false);
		assertThat(plan.errors()).isEmpty();
		assertThat(plan.updated()).hasSize(2);
	}

	@Test
	void emptyCellsClearOptionalValuesButKeepZoneLanguageAndActive() {
		person(1, null, "keep@import.test", "Kai", "Keep", null);
		Plan plan = plan(
				"email,first_name,last_name,job_title,time_zone,language,active\n" + "keep@import.test,Kai,Keep,,,,\n",
				false);
		assertThat(plan.updated()).singleElement()
			.satisfies((node) -> assertThat(ImportPlanner.changes(node))
				.containsExactly(new FieldChange("job_title", "Engineer", null)));
	}

	@Test
	void valuesAreCheckedAndNamedByColumn() {
		Plan plan = plan("""
				email,first_name,last_name,time_zone,language,start_date,active,skills
				ok@import.test,Ok,Fine,europe/warsaw,ZH-tw,2026-02-01,TRUE, Java ;; SQL
				bad@import.test,Bad,Values,Mars/Base,de,01/02/2026,maybe,
				""", false);
		assertThat(plan.errors()).extracting(ImportIssue::column)
			.containsExactly("time_zone", "language", "start_date", "active");
		assertThat(plan.errors()).extracting(ImportIssue::line).containsOnly(3);
		Plan fine = plan("""
				email,first_name,last_name,time_zone,language,start_date,active,skills
				ok@import.test,Ok,Fine,europe/warsaw,ZH-tw,2026-02-01,TRUE, Java ;; SQL
				""", false);
		assertThat(fine.created()).singleElement().satisfies((node) -> {
			assertThat(node.get(ImportColumn.TIME_ZONE)).isEqualTo("Europe/Warsaw");
			assertThat(node.get(ImportColumn.LANGUAGE)).isEqualTo("zh-TW");
			assertThat(node.get(ImportColumn.ACTIVE)).isEqualTo("true");
			assertThat(node.get(ImportColumn.SKILLS)).isEqualTo("Java;SQL");
		});
	}

	@Test
	void aFileFullOfProblemsListsTheFirstFewHundred() {
		StringBuilder csv = new StringBuilder("email,first_name,last_name,manager_email\n");
		for (int i = 0; i < 2000; i++) {
			csv.append("p").append(i).append("@import.test,P,Q,nobody").append(i).append("@import.test\n");
		}
		Plan plan = plan(csv.toString(), false);
		assertThat(plan.errors()).hasSize(DirectoryCsv.MAX_ERRORS + 1);
		assertThat(problems(plan).get(DirectoryCsv.MAX_ERRORS).message()).contains("Too many problems (2000)");
	}

	private Plan plan(String csv, boolean fullSync) {
		return ImportPlanner.plan(DirectoryCsv.parse(csv.getBytes(StandardCharsets.UTF_8)), this.snapshot, fullSync);
	}

	private static List<ImportProblem> problems(Plan plan) {
		return EnglishProblems.of(plan.errors());
	}

	private void person(long id, String number, String email, String first, String last, Long managerId) {
		String[] values = new String[ImportColumn.values().length];
		values[ImportColumn.EMPLOYEE_NUMBER.ordinal()] = number;
		values[ImportColumn.EMAIL.ordinal()] = email;
		values[ImportColumn.FIRST_NAME.ordinal()] = first;
		values[ImportColumn.LAST_NAME.ordinal()] = last;
		values[ImportColumn.JOB_TITLE.ordinal()] = "Engineer";
		values[ImportColumn.TIME_ZONE.ordinal()] = "Europe/Warsaw";
		values[ImportColumn.LANGUAGE.ordinal()] = "pl";
		values[ImportColumn.ACTIVE.ordinal()] = "true";
		this.people.add(new Existing(id, 0, values, managerId));
	}

}
