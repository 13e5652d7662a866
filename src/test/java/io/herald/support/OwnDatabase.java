package io.herald.support;

import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.function.SingletonSupplier;

/**
 * Implemented by benchmarks that build a data set of their own (50,000 people, millions
 * of deliveries): points the context at a database of its own, a sibling of this JVM's
 * test database ({@link TestDatabase#createSibling}), created when the context starts and
 * dropped when the JVM ends, with a small pool.
 */
public interface OwnDatabase {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		// Called once per context: each context gets a sibling, made when first asked.
		Supplier<TestDatabase> database = SingletonSupplier.of(() -> TestDatabase.get().createSibling());
		registry.add("spring.datasource.url", () -> database.get().url());
		registry.add("spring.datasource.username", () -> database.get().username());
		registry.add("spring.datasource.password", () -> database.get().password());
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
	}

}
