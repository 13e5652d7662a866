package io.herald.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Implemented by tests that need the application's database: points the context at this
 * JVM's throw-away PostgreSQL database (see {@link TestDatabase}). Works with full
 * contexts and slices.
 */
public interface PostgresIntegrationTest {

	@DynamicPropertySource
	static void postgresDatabase(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		// Several cached test contexts share one server: keep each pool small.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
		// The outbox and the digest work on rows every test shares: the tests about
		// them drive them directly, and no cached context's schedule competes.
		registry.add("herald.mail.poll-interval", () -> "1h");
		registry.add("herald.mail.digest-interval", () -> "1h");
		// Every cached context would otherwise sweep the shared database each minute
		// and remind other tests' people; escalation tests run the sweep themselves.
		registry.add("herald.escalation.sweep-interval", () -> "1h");
		// Every test signs in from 127.0.0.1, some with wrong passwords on purpose: the
		// limit per client address is the throttling tests' to check, with addresses of
		// their own (the limit per e-mail address and client address stays as it is), and
		// put the production limit back with herald.test.login-per-address.
		registry.add("herald.login.per-address.max-failures", () -> "${herald.test.login-per-address:100000}");
	}

}
