package io.herald.escalation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.modulith.NamedInterface;

/**
 * Quiet hours: from 20:00 to 08:00 on the wall clock of a person's own time zone. A
 * non-critical step that falls due then waits until 08:00 there. Wall-clock arithmetic in
 * the zone keeps this right on the days the clocks change: the night before summer time
 * is an hour shorter in instants, the night it ends an hour longer.
 */
@NamedInterface("api")
public final class QuietHours {

	static final LocalTime START = LocalTime.of(20, 0);

	static final LocalTime END = LocalTime.of(8, 0);

	private QuietHours() {
	}

	/**
	 * When a step due at this instant may go out in this zone: the instant itself, or the
	 * end of the quiet hours it falls in.
	 */
	public static Instant release(Instant due, ZoneId zone) {
		ZonedDateTime local = due.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (!time.isBefore(START)) {
			return ZonedDateTime.of(local.toLocalDate().plusDays(1), END, zone).toInstant();
		}
		if (time.isBefore(END)) {
			return ZonedDateTime.of(local.toLocalDate(), END, zone).toInstant();
		}
		return due;
	}

	/**
	 * When the quiet hours this instant falls in began, or null outside quiet hours.
	 * Steps due from then until now wait; steps due earlier went out at the last 08:00.
	 */
	static Instant quietSince(Instant now, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (!time.isBefore(START)) {
			return ZonedDateTime.of(local.toLocalDate(), START, zone).toInstant();
		}
		if (time.isBefore(END)) {
			return ZonedDateTime.of(local.toLocalDate().minusDays(1), START, zone).toInstant();
		}
		return null;
	}

}
