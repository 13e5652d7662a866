package io.herald.directory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import is set-based: the number of statements it prepares does not grow with the
 * number of rows. Counted at the JDBC connection, so JPA and plain JDBC both show up.
 */
@SpringBootTest
@WithMockUser(roles = "HR")
class ImportStatementCountTests implements PostgresIntegrationTest {

	static final AtomicInteger statements = new AtomicInteger();

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
		statements.set(0);
		ImportReport created = this.imports.apply(create.toString().getBytes(StandardCharsets.UTF_8), false);
		ImportReport updated = this.imports.apply(update.toString().getBytes(StandardCharsets.UTF_8), false);
		int count = statements.get();
		assertThat(created.created()).isEqualTo(rows);
		assertThat(updated.updated()).isEqualTo(rows);
		return count;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof Counting))
							? new Counting(dataSource) : bean;
				}

			};
		}

	}

	static final class Counting extends DelegatingDataSource {

		private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (PREPARING.contains(method.getName())) {
					statements.incrementAndGet();
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

	}

}
