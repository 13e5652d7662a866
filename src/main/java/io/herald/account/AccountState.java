package io.herald.account;

/**
 * Where a person's account stands, as administrators filter the list of users; its label
 * is the message {@code users.filter.state.<NAME>}.
 */
public enum AccountState {

	/** May sign in. */
	ENABLED,

	/** Invited, but no password chosen yet. */
	INVITED,

	/** May not sign in. */
	DISABLED,

	/** The person has no account at all. */
	NO_ACCOUNT

}
