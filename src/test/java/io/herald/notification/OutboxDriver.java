package io.herald.notification;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package that need e-mails sent now: the scheduled sender is off
 * in tests, so they send what is due themselves.
 */
public final class OutboxDriver {

	private OutboxDriver() {
	}

	/**
	 * Sends every e-mail due now; answers how many were sent.
	 */
	public static int sendDue(ApplicationContext context) {
		return context.getBean(OutboxSender.class).sendDue();
	}

}
