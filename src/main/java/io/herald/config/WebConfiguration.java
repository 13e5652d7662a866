package io.herald.config;

import java.util.List;
import java.util.Locale;

import io.herald.account.HeraldUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

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
