package io.herald.config;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link a page writes goes through the resource chain's URL lookup. Under a
 * catch-all {@code /**} mapping each link to a page was looked for as a file in the jar
 * (under a lock, never cached): on the feed that cost more than two thirds of the time.
 * Static files stay under their own prefixes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticResourceMappingTests implements PostgresIntegrationTest {

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void onlyStaticPrefixesAreResourceMappings() {
		assertThat(this.resourceUrls.getHandlerMap()).containsOnlyKeys("/webjars/**", "/css/**", "/js/**",
				"/favicon.svg");
		assertThat(this.resourceUrls.getForLookupPath("/announcements/42")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/webjars/bootstrap/dist/css/bootstrap.min.css"))
			.startsWith("/webjars/bootstrap/5.");
	}

	@Test
	void pagesLinkStaticFilesByTheirResolvedPathsThroughOneFilterWhosePrefixesAreTheMappings() {
		assertThat(this.resourceUrls.getHandlerMap().keySet())
			.containsExactlyInAnyOrderElementsOf(StaticResourceLinks.PREFIXES.stream()
				.map((prefix) -> prefix.endsWith("/") ? prefix + "**" : prefix)
				.toList());
		// Spring Boot's own would be this bean; it would look at every link again.
		assertThat(this.context.containsBean("resourceUrlEncodingFilter")).isFalse();
		assertThat(this.context.getBean("staticResourceLinks", FilterRegistrationBean.class).getFilter())
			.isInstanceOf(StaticResourceLinks.class);

		String login = new TestHttp(this.port).page("/login").body();

		assertThat(login).containsPattern("href=\"/webjars/bootstrap/5\\.[0-9.]+/dist/css/bootstrap\\.min\\.css\"")
			.contains("action=\"/login\"");
	}

}
