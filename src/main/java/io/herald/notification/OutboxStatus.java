package io.herald.notification;

import org.springframework.modulith.NamedInterface;

/**
 * Where an e-mail in the outbox stands; its label is the message
 * {@code outbox.status.<NAME>}.
 */
@NamedInterface("api")
public enum OutboxStatus {

	/** Waiting for its (next) attempt. */
	PENDING,

	/** Handed to the SMTP server. */
	SENT,

	/** Given up: too many failed attempts, or nobody to send it to. */
	FAILED,

	/** Kept back because no SMTP server is configured. */
	HELD,

	/** Not sent: it asked for an acknowledgement that arrived before it went out. */
	CANCELLED

}
