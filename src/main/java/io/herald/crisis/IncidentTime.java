package io.herald.crisis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.herald.directory.LocationView;

/**
 * The clock a crisis message reads: the time where the incident is, not where the person
 * who sends it happens to be, with the zone named ("07:05 CET") so nobody has to guess.
 * The place is the scope's location; with several, the plan's first location among them
 * (else the first by name); with none chosen, the plan's first location; with no place at
 * all, the sender's zone.
 */
final class IncidentTime {

	private IncidentTime() {
	}

	/**
	 * The zone of the place the incident is about.
	 * @param locations every location of the directory, in the order people read them
	 * @param planLocations the plan's locations, first first
	 * @param otherwise the zone when neither scope nor plan names a place
	 */
	static ZoneId zone(IncidentScope scope, List<Long> planLocations, List<LocationView> locations, ZoneId otherwise) {
		Optional<Long> place;
		if (!scope.locationIds().isEmpty()) {
			place = planLocations.stream()
				.filter(scope.locationIds()::contains)
				.findFirst()
				.or(() -> locations.stream().map(LocationView::id).filter(scope.locationIds()::contains).findFirst());
		}
		else {
			place = planLocations.stream().findFirst();
		}
		return place.flatMap((id) -> locations.stream().filter((location) -> location.id() == id).findFirst())
			.map(LocationView::timeZone)
			.filter(Objects::nonNull)
			.orElse(otherwise);
	}

	/**
	 * The time of day at {@code zone}, with the zone's short name in {@code locale}.
	 */
	static String time(Instant at, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofPattern("HH:mm zzz", locale).format(at.atZone(zone));
	}

	/**
	 * The date at {@code zone}, which past midnight may not be the sender's date.
	 */
	static String date(Instant at, ZoneId zone) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(zone));
	}

}
