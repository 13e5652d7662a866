package io.herald.notification;

import java.util.List;
import java.util.Map;

/**
 * One page of the outbox as an administrator filtered it, newest first.
 *
 * @param entries the e-mails on this page
 * @param offset how many matching e-mails come before this page
 * @param total how many e-mails match the whole filter
 * @param byStatus how many match the filter's kind and recipient, per status (every
 * status present, zero where none)
 * @param mailConfigured whether an SMTP server is configured at all
 */
public record OutboxListing(List<OutboxEntry> entries, long offset, long total, Map<OutboxStatus, Long> byStatus,
		boolean mailConfigured) {

	/** Position of the first e-mail on the page, from 1; 0 when there is none. */
	public long first() {
		return this.entries.isEmpty() ? 0 : this.offset + 1;
	}

	public long last() {
		return this.offset + this.entries.size();
	}

	public boolean hasPrevious() {
		return this.offset > 0;
	}

	public boolean hasNext() {
		return last() < this.total;
	}

	/** Every matching e-mail, whatever its status. */
	public long all() {
		return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

}
