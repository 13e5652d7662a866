package io.herald.crisis;

import io.herald.shared.ForCommsHrAndAdmins;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which announcements drills sent: their alerts, updates and all-clears. They reach
 * people like any post, but they are exercises: figures about how the organisation reads
 * and acknowledges (Insight's) leave them out.
 */
@Service
@NamedInterface("api")
public class DrillPosts {

	private static final String DRILL_POSTS = """
			select i.announcement_id as id from crisis_incidents i
			where i.drill = true and i.announcement_id is not null
			union
			select i.all_clear_id as id from crisis_incidents i
			where i.drill = true and i.all_clear_id is not null
			union
			select e.announcement_id as id from crisis_incident_events e
			join crisis_incidents i on i.id = e.incident_id
			where i.drill = true and e.announcement_id is not null
			""";

	private final JdbcClient jdbc;

	DrillPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of every announcement a drill has sent.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public Set<Long> announcementIds() {
		return new HashSet<>(this.jdbc.sql(DRILL_POSTS).query((rs, n) -> rs.getLong("id")).list());
	}

}
