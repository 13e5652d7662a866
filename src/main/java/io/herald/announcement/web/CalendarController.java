package io.herald.announcement.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.herald.announcement.AnnouncementDesk;
import io.herald.announcement.CalendarEntry;
import io.herald.channel.Channels;
import io.herald.shared.Callers;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content calendar: a month (default, {@code ?month=2026-12}) or a week
 * ({@code ?week=2026-12-07}, or {@code ?view=week&date=…}) of scheduled and published
 * posts on the viewer's own days. For people who post somewhere, and HR. A month or day
 * it cannot read, or one outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}, shows the
 * current period.
 */
@Controller
class CalendarController {

	// Far enough either way for any real plan; the ends of java.time's range
	// would overflow the neighbouring periods and the Instant bounds of the
	// query.
	private static final int FIRST_YEAR = 1900;

	private static final int LAST_YEAR = 2200;

	private final AnnouncementDesk desk;

	private final Channels channels;

	private final Clock clock;

	CalendarController(AnnouncementDesk desk, Channels channels, Clock clock) {
		this.desk = desk;
		this.channels = channels;
		this.clock = clock;
	}

	@GetMapping("/manage/calendar")
	String calendar(@AuthenticationPrincipal SignedInPerson person,
			@RequestParam(name = "month", required = false) String month,
			@RequestParam(name = "week", required = false) String week,
			@RequestParam(name = "view", required = false) String view,
			@RequestParam(name = "date", required = false) String date, Locale locale, Model model) {
		if (!Callers.hasAnyRole(Role.HR) && !this.channels.callerPostsAnywhere()) {
			throw new AccessDeniedException("Posts to no channel");
		}
		ZoneId zone = (person != null && person.timeZone() != null) ? person.timeZone() : ZoneOffset.UTC;
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		Optional<LocalDate> weekOf = parse(week, LocalDate::parse);
		if (weekOf.isEmpty() && "week".equals(view)) {
			weekOf = Optional.of(parse(date, LocalDate::parse).orElse(today));
		}
		if (weekOf.isPresent()) {
			LocalDate start = ContentCalendar.startOfWeek(weekOf.get());
			LocalDate end = start.plusDays(6);
			model.addAttribute("weekView", true);
			model.addAttribute("start", start);
			model.addAttribute("days", days(start, end, start, end, zone, locale, today));
			model.addAttribute("heading",
					DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(start));
			model.addAttribute("previous", "?week=" + start.minusWeeks(1));
			model.addAttribute("next", "?week=" + start.plusWeeks(1));
			model.addAttribute("other", "?month=" + YearMonth.from(start));
			return "manage-calendar/calendar";
		}
		YearMonth shown = parse(month, YearMonth::parse).orElse(YearMonth.from(today));
		LocalDate first = ContentCalendar.startOfWeek(shown.atDay(1));
		LocalDate last = ContentCalendar.startOfWeek(shown.atEndOfMonth()).plusDays(6);
		List<ContentCalendar.Day> days = days(first, last, shown.atDay(1), shown.atEndOfMonth(), zone, locale, today);
		List<List<ContentCalendar.Day>> weeks = new ArrayList<>();
		for (int i = 0; i < days.size(); i += 7) {
			weeks.add(days.subList(i, i + 7));
		}
		model.addAttribute("weekView", false);
		model.addAttribute("weeks", weeks);
		model.addAttribute("weekdays", weekdays(locale));
		model.addAttribute("heading", DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(shown));
		model.addAttribute("previous", "?month=" + shown.minusMonths(1));
		model.addAttribute("next", "?month=" + shown.plusMonths(1));
		LocalDate weekStart = (YearMonth.from(today).equals(shown)) ? today : shown.atDay(1);
		model.addAttribute("other", "?week=" + ContentCalendar.startOfWeek(weekStart));
		return "manage-calendar/calendar";
	}

	private List<ContentCalendar.Day> days(LocalDate first, LocalDate last, LocalDate periodStart, LocalDate periodEnd,
			ZoneId zone, Locale locale, LocalDate today) {
		List<CalendarEntry> posts = this.desk.calendar(ContentCalendar.startOf(first, zone),
				ContentCalendar.startOf(last.plusDays(1), zone));
		return ContentCalendar.days(first, last, periodStart, periodEnd, posts, zone, locale, today);
	}

	private static List<String> weekdays(Locale locale) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			names.add(DayOfWeek.MONDAY.plus(i).getDisplayName(TextStyle.FULL_STANDALONE, locale));
		}
		return names;
	}

	private static <T extends TemporalAccessor> Optional<T> parse(String text, Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			T parsed = parser.apply(text.strip());
			int year = parsed.get(ChronoField.YEAR);
			return (year >= FIRST_YEAR && year <= LAST_YEAR) ? Optional.of(parsed) : Optional.empty();
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
