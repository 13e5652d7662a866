package io.herald.notification;

/**
 * Which outbox e-mails an administrator asks for; {@code null} or blank parts match
 * everything.
 *
 * @param status where the e-mails stand
 * @param kind a {@link NotificationKind} name or {@code DAILY_DIGEST} (see
 * {@link OutboxQueries#kinds()})
 * @param recipient words of the recipient's name or e-mail
 */
public record OutboxFilter(OutboxStatus status, String kind, String recipient) {

	public static OutboxFilter everything() {
		return new OutboxFilter(null, null, null);
	}

	/**
	 * The same filter for every status: what the totals per status count.
	 */
	OutboxFilter anyStatus() {
		return new OutboxFilter(null, this.kind, this.recipient);
	}

}
