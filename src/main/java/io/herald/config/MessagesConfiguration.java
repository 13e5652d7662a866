package io.herald.config;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The UI's messages, as Spring Boot would set them up from {@code spring.messages.*},
 * except that a message with arguments is formatted with a format of its own. Spring
 * shares one {@link MessageFormat} per message and locale and formats under its lock:
 * every page formats the same few messages (a feed item's "published …") at once on every
 * request thread, and profiling the feed showed threads queueing on those locks for up to
 * 185 ms. A copy costs a few small arrays.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		ResourceBundleMessageSource messages = new UnsharedFormats();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

	private static final class UnsharedFormats extends ResourceBundleMessageSource {

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			MessageFormat shared = super.resolveCode(code, locale);
			return (shared != null) ? (MessageFormat) shared.clone() : null;
		}

	}

}
