package io.herald.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.herald.audit.AuditTarget;
import io.herald.audit.AuditTargets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names outbox e-mails in the audit log by their subject, linked to the e-mail in the
 * outbox (the audit log and the outbox are both for administrators).
 */
@Component
class OutboxAuditTargets implements AuditTargets {

	private final JdbcClient jdbc;

	OutboxAuditTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String targetType() {
		return "outbox_message";
	}

	@Override
	public Map<Long, AuditTarget> describe(Collection<Long> ids) {
		Map<Long, AuditTarget> targets = new HashMap<>();
		if (ids.isEmpty()) {
			return targets;
		}
		this.jdbc.sql("""
				select id, subject from outbox_messages where id = any(:ids)
				""").param("ids", ids.toArray(Long[]::new)).query((rs) -> {
			long id = rs.getLong("id");
			targets.put(id, new AuditTarget(rs.getString("subject"), "/admin/outbox/" + id));
		});
		return targets;
	}

}
