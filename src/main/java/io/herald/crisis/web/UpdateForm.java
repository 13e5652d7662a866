package io.herald.crisis.web;

import io.herald.crisis.IncidentUpdate;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

/**
 * The update form on an incident's page.
 */
class UpdateForm {

	@SingleLine
	private String title;

	@MultiLine
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
