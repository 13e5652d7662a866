package io.herald.crisis;

import java.util.Set;
import java.util.TreeSet;

import io.herald.escalation.CrisisTeams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response team escalation tells when people do not check in: each seat of the plan,
 * at the revision the incident was activated from, filled by its member, or by the deputy
 * while the member is inactive; seats with neither active are passed over.
 */
@Component
class ResponseTeams implements CrisisTeams {

	private final JdbcClient jdbc;

	ResponseTeams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> responseTeamOf(long announcementId) {
		return new TreeSet<>(this.jdbc.sql("""
				select case when m.active then t.member_id else t.deputy_id end as employee_id
				from crisis_incidents i
				join crisis_plan_team t on t.plan_id = i.plan_id and t.revision = i.plan_revision
				join employees m on m.id = t.member_id
				left join employees d on d.id = t.deputy_id
				where i.announcement_id = :post and (m.active or d.active)
				""").param("post", announcementId).query(Long.class).list());
	}

}
