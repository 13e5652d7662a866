package io.herald.account.web;

import io.herald.account.PersonalAccessTokens;

/**
 * A new personal access token: what it is for, and for how many days it works. The days
 * are text so that anything typed comes back with a message rather than a binding error.
 */
class TokenForm {

	private String name;

	private String expiresInDays = Integer.toString(PersonalAccessTokens.DEFAULT_DAYS);

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getExpiresInDays() {
		return this.expiresInDays;
	}

	public void setExpiresInDays(String expiresInDays) {
		this.expiresInDays = expiresInDays;
	}

}
