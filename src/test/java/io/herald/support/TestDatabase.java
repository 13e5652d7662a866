package io.herald.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A throw-away PostgreSQL database for this test JVM, from the first source that works:
 * {@code HERALD_TEST_DB_URL} (a server to create the database in), Docker through
 * Testcontainers, or the local server at 127.0.0.1:5432. With none of them the run fails
 * and says how to provide one: a database suite is never silently skipped.
 */
public final class TestDatabase {

	static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final String PREFIX = "it_";

	private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

	private static TestDatabase instance;

	private final String url;

	private final String username;

	private final String password;

	private final String source;

	private final String serverUrl;

	private TestDatabase(String url, String username, String password, String source, String serverUrl) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.source = source;
		this.serverUrl = serverUrl;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = provision();
			System.out.println("Tests use PostgreSQL database " + instance.url + " (" + instance.source + ")");
		}
		return instance;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/**
	 * Another fresh database on the same server, for a test that needs an empty schema
	 * (first start of an installation, say). Dropped when the JVM ends.
	 */
	public TestDatabase createSibling() {
		return createIn(this.serverUrl, this.username, this.password, this.source);
	}

	private static TestDatabase provision() {
		String configured = System.getenv("HERALD_TEST_DB_URL");
		if (configured != null && !configured.isBlank()) {
			return createIn(configured, env("HERALD_TEST_DB_USER", "postgres"), env("HERALD_TEST_DB_PASSWORD", ""),
					"HERALD_TEST_DB_URL");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-database-container-stop"));
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers", container.getJdbcUrl());
		}
		if (reachable(LOCAL_SERVER, "postgres", "")) {
			return createIn(LOCAL_SERVER, "postgres", "", "local server");
		}
		throw new IllegalStateException(
				"""
						No PostgreSQL for the tests. Herald's tests run against a real PostgreSQL, never a stand-in. Provide one:
						  - set HERALD_TEST_DB_URL (and HERALD_TEST_DB_USER, HERALD_TEST_DB_PASSWORD) to a server where the
						    user may create databases, e.g. jdbc:postgresql://db.example:5432/postgres; or
						  - run Docker, so Testcontainers can start postgres:16-alpine; or
						  - run PostgreSQL locally on 127.0.0.1:5432 with user postgres and trust authentication
						    (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start).""");
	}

	private static TestDatabase createIn(String serverUrl, String username, String password, String source) {
		String name = PREFIX + Instant.now().getEpochSecond() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));
		try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
				Statement statement = connection.createStatement()) {
			dropLeftovers(statement);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database on " + serverUrl, ex);
		}
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> drop(serverUrl, username, password, name), "test-database-drop"));
		return new TestDatabase(withDatabase(serverUrl, name), username, password, source, serverUrl);
	}

	// Databases from runs that were killed before their shutdown hook ran.
	private static void dropLeftovers(Statement statement) throws SQLException {
		long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
		List<String> stale = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("select datname from pg_database where datname like 'it\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.split("_");
				if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < cutoff) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

	private static void drop(String serverUrl, String username, String password, String name) {
		try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	private static boolean reachable(String url, String username, String password) {
		try (Connection connection = DriverManager.getConnection(url, username, password)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The same JDBC URL pointing at another database:
	 * {@code jdbc:postgresql://host:port/db?x=y}.
	 */
	static String withDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int pathStart = url.indexOf('/', hostStart);
		int queryStart = url.indexOf('?', hostStart);
		String base = url.substring(0, (pathStart >= 0) ? pathStart : (queryStart >= 0) ? queryStart : url.length());
		String query = (queryStart >= 0) ? url.substring(queryStart) : "";
		return base + "/" + database + query;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
