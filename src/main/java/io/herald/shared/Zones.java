package io.herald.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Time zones as the directory takes and stores them: IANA names only, which every import,
 * export and calendar understands. Offsets such as "+05:30" or Java's "Z" are not IANA
 * names.
 */
public final class Zones {

	private static final Map<String, String> IANA = ZoneId.getAvailableZoneIds()
		.stream()
		.collect(Collectors.toMap((id) -> id.toLowerCase(Locale.ROOT), (id) -> id, (a, b) -> a));

	private Zones() {
	}

	/**
	 * The zone a person typed, if it is an IANA name (in any letter case).
	 */
	public static Optional<ZoneId> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(IANA.get(text.strip().toLowerCase(Locale.ROOT))).map(ZoneId::of);
	}

	/**
	 * The IANA name to store for a zone; Java's UTC offset becomes "UTC".
	 * @throws IllegalArgumentException for any other fixed offset
	 */
	public static String iana(ZoneId zone) {
		if (zone instanceof ZoneOffset offset) {
			if (offset.getTotalSeconds() == 0) {
				return "UTC";
			}
			throw new IllegalArgumentException("Not an IANA time zone: " + zone);
		}
		return zone.getId();
	}

	/**
	 * The instant a person means by a wall-clock time in their zone, as authors enter
	 * schedules and deadlines. A time the clocks skip (spring forward) moves forward by
	 * the length of the gap: 02:30 in a gap from 02:00 to 03:00 is 03:30. A time that
	 * happens twice (fall back) is the first of the two, at the earlier offset, so
	 * nothing is published an hour later than the author could have meant.
	 */
	public static Instant toInstant(LocalDateTime wallClock, ZoneId zone) {
		return wallClock.atZone(zone).toInstant();
	}

}
