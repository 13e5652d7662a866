package io.herald.directory;

import java.nio.charset.StandardCharsets;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import is set-based: the number of statements it prepares does not grow with the
 * number of rows. Counted at the JDBC connection, so JPA and plain JDBC both show up.
 */
@Import(StatementCounter.class)
@SpringBootTest
@WithMockUser(roles = "HR")
class ImportStatementCountTests implements PostgresIntegrationTest {

	@Autowired
	DirectoryImport imports;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTestPeople() {
		ImportTestData.removeAll(this.jdbc);
	}

	@Test
	void statementsPreparedDoNotGrowWithTheNumberOfRows() {
		int few = statementsToCreateAndThenUpdate("few", 10);
		int many = statementsToCreateAndThenUpdate("many", 400);
		assertThat(many).isEqualTo(few);
	}

	// New people are imported inactive so that no listener of EmployeesJoined in another
	// module adds its own work to the count.
	private int statementsToCreateAndThenUpdate(String prefix, int rows) {
		StringBuilder create = new StringBuilder(
				"email,first_name,last_name,job_title,department,manager_email,active\n");
		StringBuilder update = new StringBuilder(create);
		for (int i = 0; i < rows; i++) {
			String manager = (i == 0) ? "" : prefix + ".0@import.test";
			create.append(prefix)
				.append('.')
				.append(i)
				.append("@import.test,Ann,Count")
				.append(i)
				.append(",Clerk,Import Test Counting ")
				.append(prefix)
				.append(",")
				.append(manager)
				.append(",false\n");
			update.append(prefix)
				.append('.')
				.append(i)
				.append("@import.test,Ann,Count")
				.append(i)
				.append(",Senior Clerk,Import Test Counting ")
				.append(prefix)
				.append(",")
				.append(manager)
				.append(",false\n");
		}
		ImportReport[] reports = new ImportReport[2];
		int count = StatementCounter.count(StatementCounter.callingThread(), () -> {
			reports[0] = this.imports.apply(create.toString().getBytes(StandardCharsets.UTF_8), false);
			reports[1] = this.imports.apply(update.toString().getBytes(StandardCharsets.UTF_8), false);
		});
		ImportReport created = reports[0];
		ImportReport updated = reports[1];
		assertThat(created.created()).isEqualTo(rows);
		assertThat(updated.updated()).isEqualTo(rows);
		return count;
	}

}
