package io.herald.audit;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which audit entries to list; {@code null} parts match everything.
 *
 * @param actionPrefix the start of the action, such as {@code account.}
 * @param actor part of the e-mail of whoever did it
 * @param from the first day, in {@code zone}
 * @param to the last day, included, in {@code zone}
 * @param zone the zone the days are in: the viewer's
 */
public record AuditQuery(String actionPrefix, String actor, LocalDate from, LocalDate to, ZoneId zone) {

	public static AuditQuery everything(ZoneId zone) {
		return new AuditQuery(null, null, null, null, zone);
	}

}
