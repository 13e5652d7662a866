package io.herald.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a 50,000-person import on PostgreSQL: preview, first apply (all new) and a
 * second apply that changes every person. Prints the figures; asserts only correctness.
 * Run with {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark
 * -Dtest=DirectoryImportBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@WithMockUser(roles = "HR")
class DirectoryImportBenchmark implements PostgresIntegrationTest {

	static final int PEOPLE = 50_000;

	static final List<String> FIRST = List.of("Łukasz", "Zofia", "Małgorzata", "Jędrzej", "Olivia", "James", "美玲", "志明",
			"Anna", "Piotr");

	static final List<String> LAST = List.of("Wiśniewski", "Kowalczyk", "Brzęczyszczykiewicz", "Smith", "林", "王",
			"Nowak", "Żak", "Taylor", "陳");

	static final List<String> ZONES = List.of("Europe/Warsaw", "Asia/Taipei", "Europe/London", "UTC");

	@Autowired
	DirectoryImport imports;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTestPeople() {
		ImportTestData.removeAll(this.jdbc);
	}

	@Test
	void importsFiftyThousandPeople() {
		byte[] first = file("Clerk");
		byte[] second = file("Senior Clerk");
		System.out.printf("Directory import benchmark: %,d rows, %,d bytes%n", PEOPLE, first.length);

		long start = System.nanoTime();
		ImportReport preview = this.imports.preview(first, false);
		long previewed = System.nanoTime();
		ImportReport created = this.imports.apply(first, false);
		long applied = System.nanoTime();
		ImportReport updated = this.imports.apply(second, false);
		long reapplied = System.nanoTime();
		ImportReport unchanged = this.imports.preview(second, false);
		long checked = System.nanoTime();

		assertThat(preview.errors()).isEmpty();
		assertThat(created.created()).isEqualTo(PEOPLE);
		assertThat(updated.updated()).isEqualTo(PEOPLE);
		assertThat(unchanged.unchanged()).isEqualTo(PEOPLE);
		System.out.printf("  preview (all new):        %,6d ms%n", (previewed - start) / 1_000_000);
		System.out.printf("  apply, 50,000 created:    %,6d ms%n", (applied - previewed) / 1_000_000);
		System.out.printf("  apply, 50,000 updated:    %,6d ms%n", (reapplied - applied) / 1_000_000);
		System.out.printf("  preview (all unchanged):  %,6d ms%n", (checked - reapplied) / 1_000_000);
	}

	/**
	 * An organisation ten levels deep where every manager comes after their reports, the
	 * hardest order for a one-pass import.
	 */
	private static byte[] file(String jobTitle) {
		StringBuilder csv = new StringBuilder(PEOPLE * 200);
		csv.append("employee_number,email,first_name,last_name,job_title,department,location,manager_email,phone,"
				+ "time_zone,language,start_date,active,skills\n");
		for (int i = PEOPLE - 1; i >= 0; i--) {
			String manager = (i == 0) ? "" : "bench." + ((i - 1) / 3) + "@import.test";
			csv.append("BENCH-")
				.append(i)
				.append(",bench.")
				.append(i)
				.append("@import.test,")
				.append(FIRST.get(i % FIRST.size()))
				.append(',')
				.append(LAST.get((i / 10) % LAST.size()))
				.append(',')
				.append(jobTitle)
				.append(",Import Test Department ")
				.append(i % 40)
				.append(",Import Test Location ")
				.append(i % 12)
				.append(',')
				.append(manager)
				.append(",'+48 22 ")
				.append(100_000 + i)
				.append(',')
				.append(ZONES.get(i % ZONES.size()))
				.append(",pl,2020-01-")
				.append(10 + (i % 20))
				.append(",true,Excel;Payroll\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
