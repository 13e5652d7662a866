package io.herald.announcement;

import java.time.Duration;

import org.springframework.modulith.NamedInterface;

/**
 * How urgent an announcement is. CRITICAL is for crises and safety: it bypasses quiet
 * hours and notification preferences.
 */
@NamedInterface("api")
public enum Priority {

	INFO(false, Duration.ofDays(7)), IMPORTANT(true, Duration.ofDays(3)), CRITICAL(true, Duration.ofHours(2));

	private final boolean ackRequiredByDefault;

	private final Duration defaultAckWindow;

	Priority(boolean ackRequiredByDefault, Duration defaultAckWindow) {
		this.ackRequiredByDefault = ackRequiredByDefault;
		this.defaultAckWindow = defaultAckWindow;
	}

	/**
	 * Whether a new post of this priority asks for acknowledgement unless the author says
	 * otherwise.
	 */
	public boolean ackRequiredByDefault() {
		return this.ackRequiredByDefault;
	}

	/**
	 * How long after publishing an acknowledgement is due when the author names no date.
	 */
	public Duration defaultAckWindow() {
		return this.defaultAckWindow;
	}

}
