package io.herald.config;

import java.util.List;
import java.util.Locale;

import io.herald.account.HeraldUser;
import io.herald.announcement.Feed;
import io.herald.channel.Channels;
import io.herald.escalation.Team;
import io.herald.notification.Inbox;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final LayoutModel layout;

	WebConfiguration(Feed feed, Channels channels, Inbox inbox, Team team, PlatformTransactionManager transactions) {
		this.layout = new LayoutModel(feed, channels, inbox, team, transactions);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.layout);
		registry.addInterceptor(new PageBuffer());
	}

	/**
	 * Herald's own static files and the WebJars, each under its own prefix, instead of
	 * Spring Boot's catch-all {@code /**}: every link a page writes goes through the
	 * resource chain's URL lookup, and under {@code /**} each link to a page (an
	 * announcement, the next feed page) was first looked for as a file in four classpath
	 * folders — jar reads under a lock, on every link of every page, never cached because
	 * nothing was found. Now a link that is not under one of these prefixes costs
	 * nothing.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/").resourceChain(true);
	}

	/**
	 * Links to static files resolved to their versioned paths, and no other link looked
	 * at ({@link StaticResourceLinks}).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceLinks(
			@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider resources) {
		// Declared as Spring's type, so that Spring Boot does not register its own.
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticResourceLinks(resources));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"),
			Locale.forLanguageTag("zh-TW"));

	/**
	 * A signed-in person reads Herald in their own language from the directory; anyone
	 * else in the language their browser asks for.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof HeraldUser user
						&& user.locale() != null) {
					return user.locale();
				}
				return super.resolveLocale(request);
			}

		};
		browser.setSupportedLocales(SUPPORTED_LOCALES);
		browser.setDefaultLocale(Locale.ENGLISH);
		return browser;
	}

}
