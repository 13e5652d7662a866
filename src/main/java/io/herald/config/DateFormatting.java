package io.herald.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.herald.account.HeraldUser;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as the viewer reads them: in their own time zone and locale. Templates call it as
 * {@code ${@dates.dateTime(instant)}}.
 */
@Component("dates")
class DateFormatting {

	// One formatter per locale: a feed page formats forty times, and each new localized
	// formatter is built and its pattern looked up afresh.
	private final Map<Locale, DateTimeFormatter> dateTimes = new ConcurrentHashMap<>();

	private final Clock clock;

	DateFormatting(Clock clock) {
		this.clock = clock;
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return this.dateTimes
			.computeIfAbsent(LocaleContextHolder.getLocale(),
					(locale) -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
						.withLocale(locale))
			.format(instant.atZone(viewerZone()));
	}

	/**
	 * A calendar date (no time, so no zone) in the viewer's locale.
	 */
	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.format(date);
	}

	/**
	 * The time of day it is now in a zone, for "local time" hints.
	 */
	public String timeNowIn(ZoneId zone) {
		return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(this.clock.instant().atZone(zone));
	}

	public ZoneId viewerZone() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HeraldUser user
				&& user.timeZone() != null) {
			return user.timeZone();
		}
		return ZoneOffset.UTC;
	}

}
