package io.herald.crisis;

/**
 * A recipient's answer to a safety check-in; {@code NO_RESPONSE} until they give one.
 */
public enum CheckInStatus {

	SAFE, NEED_HELP, NO_RESPONSE

}
