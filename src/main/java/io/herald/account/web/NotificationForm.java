package io.herald.account.web;

import io.herald.notification.NotificationMode;
import io.herald.shared.SingleLine;

/**
 * How a person wants to hear about non-critical notifications, as {@code /me} edits it.
 * The mode is text so that anything unexpected becomes a field error, not a binding
 * failure.
 */
class NotificationForm {

	@SingleLine
	private String mode;

	static NotificationForm of(NotificationMode mode) {
		NotificationForm form = new NotificationForm();
		form.mode = mode.name();
		return form;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

}
