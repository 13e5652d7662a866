package io.herald.crisis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.herald.directory.LocationView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crisis messages tell the time of the place the incident is about, with its zone named,
 * whoever sends them from wherever: fixed clocks, several zones and a DST boundary.
 */
class IncidentTimeTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	// By name, as the directory lists them.
	private static final List<LocationView> LOCATIONS = List.of(new LocationView(3, "Kraków", WARSAW, 10),
			new LocationView(2, "London", LONDON, 10), new LocationView(4, "Taipei", TAIPEI, 10),
			new LocationView(1, "Warsaw", WARSAW, 10));

	@Test
	void aWarsawFireActivatedFromLondonReadsWarsawTimeWithItsZone() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-07T06:05:00Z"), LONDON);
		ZoneId zone = IncidentTime.zone(new IncidentScope(false, Set.of(1L), Set.of()), List.of(1L), LOCATIONS, LONDON);

		assertThat(zone).isEqualTo(WARSAW);
		assertThat(IncidentTime.time(clock.instant(), zone, Locale.ENGLISH)).isEqualTo("07:05 CET");
	}

	@Test
	void theSameMinuteReadsEachPlacesOwnClock() {
		Instant at = Instant.parse("2026-12-07T06:05:00Z");
		assertThat(IncidentTime.time(at, LONDON, Locale.ENGLISH)).isEqualTo("06:05 GMT");
		assertThat(IncidentTime.time(at, TAIPEI, Locale.ENGLISH)).startsWith("14:05 ");
		assertThat(IncidentTime.time(at, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("06:05 Z");
	}

	@Test
	void summerTimeStartsAtTheDstBoundaryInWarsaw() {
		// Clocks go from 02:00 CET to 03:00 CEST on 29 March 2026 (01:00 UTC).
		Instant before = Instant.parse("2026-03-29T00:59:00Z");
		Instant after = Instant.parse("2026-03-29T01:00:00Z");
		assertThat(IncidentTime.time(before, WARSAW, Locale.ENGLISH)).isEqualTo("01:59 CET");
		assertThat(IncidentTime.time(after, WARSAW, Locale.ENGLISH)).isEqualTo("03:00 CEST");
		// London changes an hour later in its own time, at the same instant.
		assertThat(IncidentTime.time(after, LONDON, Locale.ENGLISH)).isEqualTo("02:00 BST");
	}

	@Test
	void theDateIsThePlacesDateNotTheSenders() {
		// 23:30 in London on 6 December is already 7 December in Taipei.
		Instant at = Instant.parse("2026-12-06T23:30:00Z");
		assertThat(IncidentTime.date(at, TAIPEI)).isEqualTo("2026-12-07");
		assertThat(IncidentTime.date(at, LONDON)).isEqualTo("2026-12-06");
	}

	@Test
	void withSeveralPlacesThePlansFirstLocationAmongThemGivesTheZone() {
		IncidentScope londonAndTaipei = new IncidentScope(false, Set.of(2L, 4L), Set.of());
		assertThat(IncidentTime.zone(londonAndTaipei, List.of(4L, 2L), LOCATIONS, WARSAW)).isEqualTo(TAIPEI);
		assertThat(IncidentTime.zone(londonAndTaipei, List.of(2L, 4L), LOCATIONS, WARSAW)).isEqualTo(LONDON);
		// None of the plan's places is in scope: the first in scope by name.
		assertThat(IncidentTime.zone(londonAndTaipei, List.of(1L), LOCATIONS, WARSAW)).isEqualTo(LONDON);
	}

	@Test
	void withoutChosenPlacesThePlansFirstLocationGivesTheZoneElseTheSenders() {
		IncidentScope everyone = new IncidentScope(true, Set.of(), Set.of());
		assertThat(IncidentTime.zone(everyone, List.of(4L, 1L), LOCATIONS, LONDON)).isEqualTo(TAIPEI);
		IncidentScope aDepartment = new IncidentScope(false, Set.of(), Set.of(9L));
		assertThat(IncidentTime.zone(aDepartment, List.of(1L), LOCATIONS, LONDON)).isEqualTo(WARSAW);
		assertThat(IncidentTime.zone(everyone, List.of(), LOCATIONS, LONDON)).isEqualTo(LONDON);
		// A place the directory no longer has.
		assertThat(IncidentTime.zone(everyone, List.of(99L), LOCATIONS, LONDON)).isEqualTo(LONDON);
	}

}
