package io.herald.notification;

import java.util.List;
import java.util.Map;

/**
 * The outbox at a glance: how many e-mails in each status, the FAILED and HELD ones and
 * the next PENDING ones (the newest or soonest of each, up to a limit), and whether an
 * SMTP server is configured at all.
 */
public record OutboxOverview(Map<OutboxStatus, Long> counts, List<OutboxEntry> failed, List<OutboxEntry> held,
		List<OutboxEntry> pending, boolean mailConfigured) {

	public long count(OutboxStatus status) {
		return this.counts.getOrDefault(status, 0L);
	}

}
