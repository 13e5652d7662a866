package io.herald.shared;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time zones as the directory stores them: IANA names, which every import, export and
 * calendar understands. Java's {@code ZoneOffset.UTC} calls itself "Z", which is not one.
 */
public final class Zones {

	private Zones() {
	}

	public static String iana(ZoneId zone) {
		if (zone instanceof ZoneOffset offset) {
			return (offset.getTotalSeconds() == 0) ? "UTC" : "Etc/GMT" + ((offset.getTotalSeconds() > 0) ? "-" : "+")
					+ Math.abs(offset.getTotalSeconds() / 3600);
		}
		return zone.getId();
	}

}
