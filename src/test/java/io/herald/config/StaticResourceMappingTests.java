package io.herald.config;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link a page writes goes through the resource chain's URL lookup. Under a
 * catch-all {@code /**} mapping each link to a page was looked for as a file in the jar
 * (under a lock, never cached): on the feed that cost more than two thirds of the time.
 * Static files stay under their own prefixes.
 */
@SpringBootTest
class StaticResourceMappingTests implements PostgresIntegrationTest {

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void onlyStaticPrefixesAreResourceMappings() {
		assertThat(this.resourceUrls.getHandlerMap()).containsOnlyKeys("/webjars/**", "/css/**", "/js/**",
				"/favicon.svg");
		assertThat(this.resourceUrls.getForLookupPath("/announcements/42")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/webjars/bootstrap/dist/css/bootstrap.min.css"))
			.startsWith("/webjars/bootstrap/5.");
	}

}
