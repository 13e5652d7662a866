package io.herald.account.web;

import io.herald.directory.EmployeeProfile;
import io.herald.shared.SingleLine;

/**
 * What a person edits about themselves on {@code /me}.
 */
class OwnDetailsForm {

	@SingleLine
	private String preferredName;

	@SingleLine
	private String phone;

	@SingleLine
	private String mobile;

	@SingleLine
	private String timeZone;

	@SingleLine
	private String language;

	static OwnDetailsForm of(EmployeeProfile profile) {
		OwnDetailsForm form = new OwnDetailsForm();
		form.preferredName = profile.preferredName();
		form.phone = profile.phone();
		form.mobile = profile.mobile();
		form.timeZone = profile.timeZone().getId();
		form.language = profile.language();
		return form;
	}

	public String getPreferredName() {
		return this.preferredName;
	}

	public void setPreferredName(String preferredName) {
		this.preferredName = preferredName;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

}
