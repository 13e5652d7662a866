package io.herald.announcement.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.herald.announcement.CalendarEntry;
import io.herald.channel.ChannelKind;

/**
 * The content calendar's days: posts placed on the viewer's local days, and a warning
 * where one audience gets three or more posts in a day. Company-wide posts that are not
 * narrowed reach everyone, so they count towards every audience of their day; drills
 * count towards none.
 */
public final class ContentCalendar {

	static final int BUSY_DAY = 3;

	private static final String EVERYONE = "everyone";

	private ContentCalendar() {
	}

	/**
	 * One post as the calendar shows it, with its local time of day.
	 */
	public record Entry(CalendarEntry post, String time) {

	}

	/**
	 * Too many posts reach one audience on a day: the channel of one of them, the
	 * narrowing (empty when none) and how many posts.
	 */
	public record Warning(String channel, List<String> narrowing, int posts) {

	}

	public record Day(LocalDate date, String label, boolean inPeriod, boolean today, List<Entry> entries,
			List<Warning> warnings) {

		public boolean busy() {
			return !this.warnings.isEmpty();
		}

	}

	/**
	 * The days from {@code first} to {@code last} (inclusive), each with its posts.
	 * {@code periodStart}/{@code periodEnd} mark the days that belong to the period shown
	 * (a month view also shows the edges of its first and last weeks).
	 */
	static List<Day> days(LocalDate first, LocalDate last, LocalDate periodStart, LocalDate periodEnd,
			List<CalendarEntry> posts, ZoneId zone, Locale locale, LocalDate today) {
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
		DateTimeFormatter label = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
		for (CalendarEntry post : posts) {
			LocalDate day = post.at().atZone(zone).toLocalDate();
			byDay.computeIfAbsent(day, (d) -> new ArrayList<>())
				.add(new Entry(post, time.format(post.at().atZone(zone))));
		}
		List<Day> days = new ArrayList<>();
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			List<Entry> entries = byDay.getOrDefault(date, List.of());
			days.add(new Day(date, label.format(date), !date.isBefore(periodStart) && !date.isAfter(periodEnd),
					date.equals(today), entries, warnings(entries.stream().map(Entry::post).toList())));
		}
		return days;
	}

	/**
	 * The audiences that get {@value #BUSY_DAY} or more of these posts (all on one day).
	 * A crisis drill's posts do not count: an exercise is not news people have to take
	 * in, and planning around it would only hide the real crowding.
	 */
	static List<Warning> warnings(List<CalendarEntry> posts) {
		Map<String, List<CalendarEntry>> byAudience = new LinkedHashMap<>();
		int everyone = 0;
		for (CalendarEntry post : posts) {
			if (post.drill()) {
				continue;
			}
			boolean companyWide = post.channel() != null && post.channel().kind() == ChannelKind.COMPANY
					&& post.narrowing().isEmpty();
			if (companyWide) {
				everyone++;
			}
			byAudience.computeIfAbsent(companyWide ? EVERYONE : post.audienceKey(), (k) -> new ArrayList<>()).add(post);
		}
		List<Warning> warnings = new ArrayList<>();
		for (Map.Entry<String, List<CalendarEntry>> audience : byAudience.entrySet()) {
			boolean isEveryone = audience.getKey().equals(EVERYONE);
			int count = audience.getValue().size() + (isEveryone ? 0 : everyone);
			if (count >= BUSY_DAY) {
				CalendarEntry first = audience.getValue().get(0);
				warnings.add(
						new Warning((first.channel() != null) ? first.channel().name() : "", first.narrowing(), count));
			}
		}
		return warnings;
	}

	static LocalDate startOfWeek(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static Instant startOf(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

}
