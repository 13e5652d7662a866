package io.herald.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.herald.shared.ChangeRefused;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory import and export against PostgreSQL: what a file changes, what a broken
 * one refuses, and that an export imports back to itself byte for byte.
 */
@SpringBootTest
@RecordApplicationEvents
@WithMockUser(username = "hr.tests@import.test", roles = "HR")
class DirectoryImportTests implements PostgresIntegrationTest {

	@Autowired
	DirectoryImport imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void removeTestPeople() {
		ImportTestData.removeAll(this.jdbc);
	}

	static Stream<Arguments> brokenFiles() {
		return Stream.of(Arguments.of("missing-required-column.csv", 1, "last_name", "required column"),
				Arguments.of("unknown-column.csv", 1, "shoe_size", "Unknown column \"shoe_size\""),
				Arguments.of("bad-email.csv", 3, "email", "not a valid e-mail address"),
				Arguments.of("duplicate-email.csv", 4, "email", "already on line 2"),
				Arguments.of("duplicate-employee-number.csv", 3, "employee_number", "already on line 2"),
				Arguments.of("unknown-time-zone.csv", 2, "time_zone", "not a known IANA time zone"),
				Arguments.of("bad-language.csv", 2, "language", "use en, pl or zh-TW"),
				Arguments.of("bad-date.csv", 2, "start_date", "YYYY-MM-DD"),
				Arguments.of("bad-boolean.csv", 2, "active", "not true or false"),
				Arguments.of("manager-not-found.csv", 2, "manager_email", "neither in this file nor in the directory"),
				Arguments.of("manager-cycle.csv", 2, "manager_email", "goes round in a circle"),
				Arguments.of("own-manager.csv", 2, "manager_email", "cannot be their own manager"),
				Arguments.of("wrong-delimiter.csv", 1, null, "use commas"),
				Arguments.of("non-utf8.csv", 3, null, "not UTF-8"), Arguments.of("empty.csv", 1, null, "empty"),
				Arguments.of("header-only.csv", 2, null, "no people"),
				Arguments.of("unclosed-quote.csv", 2, null, "never closed"),
				Arguments.of("wrong-value-count.csv", 2, null, "4 values but the header has 3 columns"),
				Arguments.of("missing-first-name.csv", 2, "first_name", "first_name is empty"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFiles")
	void aBrokenFileSaysWhereAndWhyAndChangesNothing(String file, int line, String column, String message)
			throws IOException {
		byte[] csv = resource("/import/broken/" + file);
		byte[] before = this.imports.export();

		ImportReport preview = this.imports.preview(csv, false);
		ImportReport applied = this.imports.apply(csv, false);

		assertThat(preview.errors()).anySatisfy((error) -> {
			assertThat(error.line()).isEqualTo(line);
			assertThat(error.column()).isEqualTo(column);
			assertThat(error.message()).contains(message);
		});
		assertThat(applied.applied()).isFalse();
		assertThat(applied.errors()).isEqualTo(preview.errors());
		assertThat(this.imports.export()).isEqualTo(before);
		assertThat(this.events.stream(EmployeesJoined.class)).isEmpty();
	}

	@Test
	void tenMegabytesOfGarbageAreRefusedWithOneMessageAndNothingChanges() {
		byte[] garbage = new byte[10 * 1024 * 1024];
		new java.util.Random(3).nextBytes(garbage);
		ImportReport report = this.imports.apply(garbage, true);
		assertThat(report.applied()).isFalse();
		assertThat(report.errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not UTF-8"));
	}

	@Test
	void appliesNewPeopleWithTheirManagerDepartmentAndLocationInOneGo() {
		ImportReport report = this.imports.apply(
				utf8("""
						email,first_name,last_name,job_title,department,location,time_zone,manager_email,skills
						lukasz.nowy@import.test,Łukasz,Nowy,Tester,Import Test QA,Import Test Taipei,Asia/Taipei,mei.lin@import.test,Testing;SQL
						mei.lin@import.test,美玲,林,QA Lead,Import Test QA,Import Test Taipei,,,
						"""),
				false);

		assertThat(report.errors()).isEmpty();
		assertThat(report.applied()).isTrue();
		assertThat(report.created()).isEqualTo(2);
		Map<String, Object> lukasz = this.jdbc.queryForMap(
				"""
						select e.search_text, e.time_zone, m.email as manager, d.name as department, l.time_zone as location_zone
						from employees e join employees m on m.id = e.manager_id
						join departments d on d.id = e.department_id join locations l on l.id = e.location_id
						where e.email = 'lukasz.nowy@import.test'""");
		assertThat(lukasz).containsEntry("manager", "mei.lin@import.test")
			.containsEntry("department", "Import Test QA")
			.containsEntry("location_zone", "Asia/Taipei");
		assertThat((String) lukasz.get("search_text")).contains("lukasz", "testing sql", "import test qa");
		assertThat(this.jdbc.queryForObject("select time_zone from employees where email = 'mei.lin@import.test'",
				String.class))
			.as("a new person without a zone takes their location's")
			.isEqualTo("Asia/Taipei");
		assertThat(this.events.stream(EmployeesJoined.class)).singleElement()
			.satisfies((joined) -> assertThat(joined.employeeIds()).hasSize(2));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = "
						+ "'directory.import.applied' and details like 'created=2 updated=0 deactivated=0 unchanged=0'",
				Long.class))
			.isPositive();
	}

	@Test
	void previewShowsFieldByFieldChangesAndApplyWritesThem() {
		this.imports.apply(utf8("""
				employee_number,email,first_name,last_name,job_title,phone,active
				IMP-1,zofia@import.test,Zofia,Kowal,Analyst,+48 22 100 200,true
				IMP-2,jan@import.test,Jan,Kos,Analyst,,true
				"""), false);
		byte[] next = utf8("""
				employee_number,email,first_name,last_name,job_title,phone,active
				IMP-1,zofia.kowal@import.test,Zofia,Kowal,Senior Analyst,+48 22 100 200,true
				IMP-2,jan@import.test,Jan,Kos,Analyst,,false
				""");

		ImportReport preview = this.imports.preview(next, false);
		assertThat(preview.updated()).isEqualTo(2);
		assertThat(preview.updatedPeople().get(0).changes()).containsExactly(
				new FieldChange("email", "zofia@import.test", "zofia.kowal@import.test"),
				new FieldChange("job_title", "Analyst", "Senior Analyst"));
		assertThat(preview.updatedPeople().get(1).changes())
			.containsExactly(new FieldChange("active", "true", "false"));

		ImportReport applied = this.imports.apply(next, false);
		assertThat(applied.applied()).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select job_title from employees where employee_number = 'IMP-1' and email = 'zofia.kowal@import.test'",
				String.class))
			.isEqualTo("Senior Analyst");
		assertThat(this.events.stream(EmployeesLeft.class)).singleElement()
			.satisfies((left) -> assertThat(left.employeeIds()).hasSize(1));

		this.imports.apply(
				utf8("employee_number,email,first_name,last_name,active\nIMP-2,jan@import.test,Jan,Kos,true\n"), false);
		assertThat(this.events.stream(EmployeesReturned.class)).singleElement()
			.satisfies((returned) -> assertThat(returned.employeeIds()).hasSize(1));
	}

	@Test
	void fullSyncListsEveryoneMissingFromTheFileByName() {
		ImportReport preview = this.imports.preview(utf8("email,first_name,last_name\nonly@import.test,Only,One\n"),
				true);
		assertThat(preview.deactivated()).isPositive();
		assertThat(preview.deactivatedPeople()).anySatisfy((name) -> assertThat(name).contains("<hr@herald.test>"));
	}

	@Test
	@Transactional
	void fullSyncDeactivatesThemInTheSameTransaction() {
		// Rolled back at the end of the test: the demo organisation stays as it was. The
		// administrator stays, or the sync would be refused (next test).
		ImportReport report = this.imports.apply(
				utf8("email,first_name,last_name\nonly@import.test,Only,One\nadmin@herald.test,Tomasz,Wiśniewski\n"),
				true);
		assertThat(report.applied()).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from employees where active and email not in (?, ?)",
				Long.class, "only@import.test", "admin@herald.test"))
			.isZero();
		assertThat(this.events.stream(EmployeesLeft.class)).singleElement()
			.satisfies((left) -> assertThat(left.employeeIds()).hasSize(report.deactivated()));
	}

	@Test
	void aFullSyncThatWouldDeactivateEveryAdministratorChangesNothing() {
		Long active = this.jdbc.queryForObject("select count(*) from employees where active", Long.class);
		assertThatThrownBy(
				() -> this.imports.apply(utf8("email,first_name,last_name\nonly@import.test,Only,One\n"), true))
			.isInstanceOf(ChangeRefused.class);
		assertThat(this.jdbc.queryForObject("select count(*) from employees where active", Long.class))
			.isEqualTo(active);
	}

	@Test
	void polishAndChineseTextRoundTripsByteForByteThroughExportAndImport() {
		this.imports.apply(utf8(String.join("\r\n",
				"employee_number,email,first_name,last_name,preferred_name,job_title,department,location,phone,mobile,"
						+ "time_zone,language,start_date,skills",
				"IMP-PL,grzegorz@import.test,Grzegorz,Brzęczyszczykiewicz,Grześ,\"Kierownik, zmiana \"\"nocna\"\"\","
						+ "Import Test Łódź,Import Test Łódź,+48 42 123 45 67,-1,Europe/Warsaw,pl,2024-02-29,"
						+ "Spawanie;Wózki widłowe",
				"IMP-TW,wang@import.test,小明,王,,\"=HYPERLINK(\"\"http://evil\"\")\",Import Test 台北,Import Test 台北,"
						+ "@home,'+886,Asia/Taipei,zh-TW,,品質管理;中文")),
				false);

		byte[] first = this.imports.export();
		String text = new String(first, StandardCharsets.UTF_8);
		assertThat(text).contains("Brzęczyszczykiewicz", "小明", "'+48 42 123 45 67", "'-1", "'=HYPERLINK", "'@home",
				",'+886,", "\"Kierownik, zmiana \"\"nocna\"\"\"");

		ImportReport again = this.imports.preview(first, false);
		assertThat(again.errors()).isEmpty();
		assertThat(again.created() + again.updated() + again.deactivated()).isZero();
		assertThat(this.imports.apply(first, false).applied()).isTrue();
		assertThat(this.imports.export()).isEqualTo(first);
	}

	@Test
	void aStagedUploadIsSeenAndAppliedOnlyByWhoeverUploadedIt() {
		UUID id = this.imports.stage("people.csv", utf8("email,first_name,last_name\nstaged@import.test,Sta,Ged\n"),
				false);
		assertThat(this.imports.staged(id)).hasValueSatisfying((staged) -> {
			assertThat(staged.fileName()).isEqualTo("people.csv");
			assertThat(staged.report().created()).isEqualTo(1);
		});

		var original = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
					"someone.else@import.test", null, "ROLE_HR"));
		try {
			assertThat(this.imports.staged(id)).isEmpty();
			assertThat(this.imports.applyStaged(id)).isEmpty();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(original);
		}

		assertThat(this.imports.applyStaged(id)).hasValueSatisfying((report) -> assertThat(report.applied()).isTrue());
		assertThat(this.imports.staged(id)).as("forgotten once applied").isEmpty();
	}

	@Test
	@WithMockUser(roles = "EMPLOYEE")
	void onlyHrAndAdminsImportOrExport() {
		byte[] csv = utf8("email,first_name,last_name\nsneaky@import.test,Sne,Aky\n");
		assertThatThrownBy(() -> this.imports.preview(csv, false)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.imports.apply(csv, false)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.imports.stage("x.csv", csv, false)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.imports.export()).isInstanceOf(AccessDeniedException.class);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = DirectoryImportTests.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

	static List<String> lines(byte[] csv) {
		return new String(csv, StandardCharsets.UTF_8).lines().toList();
	}

}
