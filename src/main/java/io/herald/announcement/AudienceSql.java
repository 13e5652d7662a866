package io.herald.announcement;

import java.util.Collection;
import java.util.Collections;

/**
 * Who an announcement reaches, as one SQL condition over an employee {@code e}, a channel
 * {@code c} and an announcement's narrowing. Written once and used for the fan-out, the
 * late joiners and the audience preview, so the three can never disagree.
 *
 * <p>
 * It reads the channel module's subscriptions table directly: resolving 50,000 recipients
 * has to stay one set-based statement.
 */
final class AudienceSql {

	private static final String CHANNEL = "e.active = true and (c.kind = 'COMPANY' "
			+ "or (c.kind = 'DEPARTMENT' and e.department_id = c.department_id) "
			+ "or (c.kind = 'LOCATION' and e.location_id = c.location_id) "
			+ "or (c.kind = 'TOPIC' and (c.mandatory = true or exists (select 1 from channel_subscriptions s "
			+ "where s.channel_id = c.id and s.employee_id = e.id))))";

	/**
	 * The condition for a saved announcement {@code a}, narrowed by its stored
	 * departments and locations.
	 */
	static final String OF_ANNOUNCEMENT = ofAnnouncement("a.id");

	private AudienceSql() {
	}

	/**
	 * The condition for one saved announcement, narrowed by its stored departments and
	 * locations. With {@code "?"} the announcement id is a parameter, written four times
	 * (after any parameters before the condition): the narrowing subqueries then run once
	 * per statement, not once per employee, which is what keeps the fan-out to 50,000
	 * people fast.
	 * @param announcementId SQL for the announcement's id, such as {@code a.id} or
	 * {@code ?}
	 */
	static String ofAnnouncement(String announcementId) {
		return CHANNEL + " and (not exists (select 1 from announcement_departments ad where ad.announcement_id = "
				+ announcementId + ") "
				+ "or e.department_id in (select ad.department_id from announcement_departments ad where ad.announcement_id = "
				+ announcementId + "))"
				+ " and (not exists (select 1 from announcement_locations al where al.announcement_id = "
				+ announcementId + ") "
				+ "or e.location_id in (select al.location_id from announcement_locations al where al.announcement_id = "
				+ announcementId + "))";
	}

	/**
	 * The condition for targeting not saved yet: the narrowing ids are written as
	 * parameters, in departments-then-locations order.
	 */
	static String ofTargeting(Collection<Long> departmentIds, Collection<Long> locationIds) {
		StringBuilder sql = new StringBuilder(CHANNEL);
		if (!departmentIds.isEmpty()) {
			sql.append(" and e.department_id in (").append(placeholders(departmentIds.size())).append(')');
		}
		if (!locationIds.isEmpty()) {
			sql.append(" and e.location_id in (").append(placeholders(locationIds.size())).append(')');
		}
		return sql.toString();
	}

	static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
