package io.herald.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the security test of issue 15 asked of HTTP itself: redirects never carry the
 * client's {@code Host}.
 */
@Configuration(proxyBeanMethods = false)
class HttpHardening {

	/**
	 * Before everything else, so Spring Security's redirects pass through it too.
	 */
	@Bean
	FilterRegistrationBean<RelativeRedirects> relativeRedirects(
			@Value("${herald.base-url:http://localhost:8080}") String baseUrl) {
		FilterRegistrationBean<RelativeRedirects> registration = new FilterRegistrationBean<>(
				new RelativeRedirects(baseUrl));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
