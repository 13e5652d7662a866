package io.herald.announcement;

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

	private static final String CHANNEL = """
			e.active = true
			  and (c.kind = 'COMPANY'
			    or (c.kind = 'DEPARTMENT' and e.department_id = c.department_id)
			    or (c.kind = 'LOCATION' and e.location_id = c.location_id)
			    or (c.kind = 'TOPIC' and (c.mandatory = true or exists (
			          select 1 from channel_subscriptions s where s.channel_id = c.id and s.employee_id = e.id))))""";

	/**
	 * The condition for a saved announcement {@code a}, narrowed by its stored
	 * departments and locations.
	 */
	static final String OF_ANNOUNCEMENT = ofAnnouncement("a.id");

	private AudienceSql() {
	}

	/**
	 * The condition for one saved announcement, narrowed by its stored departments and
	 * locations. With a parameter such as {@code :announcement} for the id, the narrowing
	 * subqueries run once per statement, not once per employee, which is what keeps the
	 * fan-out to 50,000 people fast.
	 * @param announcementId SQL for the announcement's id, such as {@code a.id} or
	 * {@code :announcement}
	 */
	static String ofAnnouncement(String announcementId) {
		return """
				%1$s
				  and (not exists (select 1 from announcement_departments ad where ad.announcement_id = %2$s)
				    or e.department_id in (select ad.department_id from announcement_departments ad
				                           where ad.announcement_id = %2$s))
				  and (not exists (select 1 from announcement_locations al where al.announcement_id = %2$s)
				    or e.location_id in (select al.location_id from announcement_locations al
				                         where al.announcement_id = %2$s))""".formatted(CHANNEL, announcementId);
	}

	/**
	 * The condition for targeting not saved yet, narrowed by the array parameters
	 * {@code :departments} and {@code :locations} where they are given.
	 */
	static String ofTargeting(boolean byDepartment, boolean byLocation) {
		return CHANNEL.concat(byDepartment ? " and e.department_id = any(:departments)" : "")
			.concat(byLocation ? " and e.location_id = any(:locations)" : "");
	}

}
