package io.herald.notification;

import org.springframework.modulith.NamedInterface;

/**
 * How a person hears about non-critical notifications. CRITICAL ones always come in the
 * app and by e-mail at once.
 */
@NamedInterface("api")
public enum NotificationMode {

	/** Only in Herald's inbox. */
	IN_APP,

	/** In the inbox and by e-mail straight away (the default). */
	EMAIL_IMMEDIATE,

	/** In the inbox, and once a day an e-mail listing what came in. */
	EMAIL_DIGEST

}
