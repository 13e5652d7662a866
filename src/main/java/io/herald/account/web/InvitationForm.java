package io.herald.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * Choosing one's first password from an invitation: twice, to catch a typo.
 */
class InvitationForm {

	@NotBlank(message = "{password.required}")
	private String newPassword;

	private String confirmation;

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
