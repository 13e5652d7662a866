package io.herald.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * Changing one's own password: the current one, and the new one twice.
 */
class PasswordForm {

	@NotBlank(message = "{password.current.required}")
	private String currentPassword;

	@NotBlank(message = "{password.required}")
	private String newPassword;

	private String confirmation;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

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
