package io.herald.crisis.web;

import io.herald.crisis.IncidentUpdate;

/**
 * The update form on an incident's page.
 */
class UpdateForm {

	private String title;

	private String body;

	static UpdateForm of(IncidentUpdate update) {
		UpdateForm form = new UpdateForm();
		form.setTitle(update.title());
		form.setBody(update.body());
		return form;
	}

	IncidentUpdate toUpdate() {
		return new IncidentUpdate(this.title, this.body);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
