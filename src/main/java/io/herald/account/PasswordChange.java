package io.herald.account;

/**
 * How an attempt to change one's own password ended.
 */
public enum PasswordChange {

	CHANGED, WRONG_CURRENT_PASSWORD, COOLING_OFF

}
