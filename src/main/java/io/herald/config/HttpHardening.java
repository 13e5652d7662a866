package io.herald.config;

import io.herald.shared.SiteAddress;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the security test of issue 15 asked of HTTP itself: redirects never carry the
 * client's {@code Host}, the API reads no unbounded body, and what Tomcat refuses on its
 * own is problem details for the API.
 */
@Configuration(proxyBeanMethods = false)
class HttpHardening {

	/**
	 * Before everything else, so Spring Security's redirects pass through it too.
	 */
	@Bean
	FilterRegistrationBean<RelativeRedirects> relativeRedirects(SiteAddress site) {
		FilterRegistrationBean<RelativeRedirects> registration = new FilterRegistrationBean<>(
				new RelativeRedirects(site.baseUrl()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Right after, so nothing downstream sees a NUL.
	 */
	@Bean
	FilterRegistrationBean<NulParameters> nulParameters(ProblemResponses problems) {
		FilterRegistrationBean<NulParameters> registration = new FilterRegistrationBean<>(new NulParameters(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * After Spring Security: a caller without credentials learns nothing about limits,
	 * and the 413 carries the security headers.
	 */
	@Bean
	FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(ApiLimits limits, ProblemResponses problems) {
		FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(
				new ApiBodyLimit(limits.maxBodySize(), limits.maxImportSize(), problems));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * Replaces the error report valve Spring Boot puts on the host with one that answers
	 * the API with problem details.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers((context) -> {
					Container host = context.getParent();
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemReportValve());
					if (host instanceof StandardHost standard) {
						standard.setErrorReportValveClass(ProblemReportValve.class.getName());
					}
				});
			}

		};
	}

}
