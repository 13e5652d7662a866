package io.herald.announcement.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.CalendarEntry;
import io.herald.announcement.Priority;
import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the content calendar puts posts and when it calls a day busy.
 */
class ContentCalendarTests {

	private static final ChannelView COMPANY = channel(1, "Everyone", ChannelKind.COMPANY);

	private static final ChannelView SALES = channel(2, "Sales news", ChannelKind.DEPARTMENT);

	private static final ChannelView TOPIC = channel(3, "Cycling club", ChannelKind.TOPIC);

	@Test
	void threePostsToOneAudienceMakeABusyDay() {
		List<ContentCalendar.Warning> warnings = ContentCalendar
			.warnings(List.of(post(SALES, List.of()), post(SALES, List.of()), post(SALES, List.of())));
		assertThat(warnings).containsExactly(new ContentCalendar.Warning("Sales news", List.of(), 3));
	}

	@Test
	void companyWidePostsCountTowardsEveryOtherAudience() {
		List<ContentCalendar.Warning> warnings = ContentCalendar.warnings(List.of(post(COMPANY, List.of()),
				post(COMPANY, List.of()), post(SALES, List.of()), post(TOPIC, List.of())));
		assertThat(warnings).extracting(ContentCalendar.Warning::channel, ContentCalendar.Warning::posts)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Sales news", 3),
					org.assertj.core.groups.Tuple.tuple("Cycling club", 3));
	}

	@Test
	void aNarrowedCompanyPostIsItsOwnAudienceAndNotEveryones() {
		List<ContentCalendar.Warning> warnings = ContentCalendar.warnings(List.of(post(COMPANY, List.of("Warsaw")),
				post(COMPANY, List.of("Warsaw")), post(SALES, List.of()), post(SALES, List.of())));
		assertThat(warnings).isEmpty();
	}

	@Test
	void postsFallOnTheViewersOwnDay() {
		// 23:30 UTC on 14 May is already 15 May in Taipei.
		CalendarEntry late = new CalendarEntry(9, "Late", SALES, AnnouncementStatus.SCHEDULED, Priority.INFO,
				Instant.parse("2031-05-14T23:30:00Z"), List.of(), "2|", false);
		LocalDate monday = LocalDate.parse("2031-05-12");
		List<ContentCalendar.Day> days = ContentCalendar.days(monday, monday.plusDays(6), monday, monday.plusDays(6),
				List.of(late), ZoneId.of("Asia/Taipei"), Locale.ENGLISH, monday);
		assertThat(days).hasSize(7);
		assertThat(days.get(3).date()).isEqualTo(LocalDate.parse("2031-05-15"));
		// The space before AM differs between JDKs' locale data.
		assertThat(days.get(3).entries()).singleElement()
			.satisfies((entry) -> assertThat(entry.time()).startsWith("7:30").endsWith("AM"));
		assertThat(days.get(2).entries()).isEmpty();
		assertThat(days.get(0).today()).isTrue();
	}

	@Test
	void aDrillsAlertUpdateAndAllClearDoNotMakeABusyDay() {
		ChannelView crisis = channel(4, "Crisis alerts", ChannelKind.COMPANY);
		List<CalendarEntry> drill = List.of(drill(crisis), drill(crisis), drill(crisis));
		assertThat(ContentCalendar.warnings(drill)).isEmpty();

		// Two real posts and the drill's three: still only two that count.
		List<CalendarEntry> withRealPosts = new java.util.ArrayList<>(drill);
		withRealPosts.addAll(List.of(post(SALES, List.of()), post(SALES, List.of())));
		assertThat(ContentCalendar.warnings(withRealPosts)).isEmpty();

		// The same three as a real incident's messages do count.
		assertThat(ContentCalendar
			.warnings(List.of(post(crisis, List.of()), post(crisis, List.of()), post(crisis, List.of()))))
			.containsExactly(new ContentCalendar.Warning("Crisis alerts", List.of(), 3));
	}

	private static CalendarEntry post(ChannelView channel, List<String> narrowing) {
		return new CalendarEntry(1, "Post", channel, AnnouncementStatus.SCHEDULED, Priority.INFO,
				Instant.parse("2031-05-14T09:00:00Z"), narrowing, channel.id() + "|" + String.join(",", narrowing),
				false);
	}

	private static CalendarEntry drill(ChannelView channel) {
		return new CalendarEntry(1, "DRILL: Power cut", channel, AnnouncementStatus.PUBLISHED, Priority.CRITICAL,
				Instant.parse("2031-05-14T09:00:00Z"), List.of(), channel.id() + "|", true);
	}

	private static ChannelView channel(long id, String name, ChannelKind kind) {
		return new ChannelView(id, "c" + id, name, null, kind, (kind == ChannelKind.DEPARTMENT) ? 7L : null, null,
				false, false, false, Map.of(), 0);
	}

}
