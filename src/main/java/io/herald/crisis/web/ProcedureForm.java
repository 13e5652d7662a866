package io.herald.crisis.web;

import java.util.ArrayList;
import java.util.List;

import io.herald.crisis.Person;
import io.herald.crisis.ProcedureDraft;
import io.herald.crisis.ProcedureView;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

/**
 * A procedure as a form: title, Markdown body and up to three contacts by e-mail.
 */
class ProcedureForm {

	static final int CONTACT_ROWS = 3;

	private long version;

	@SingleLine
	private String title;

	@MultiLine
	private String body;

	private List<@SingleLine String> contacts = new ArrayList<>();

	static ProcedureForm empty() {
		ProcedureForm form = new ProcedureForm();
		form.fill();
		return form;
	}

	static ProcedureForm of(ProcedureView procedure) {
		ProcedureForm form = new ProcedureForm();
		form.version = procedure.version();
		form.title = procedure.title();
		form.body = procedure.body();
		form.contacts = new ArrayList<>(procedure.contacts().stream().map(Person::email).toList());
		form.fill();
		return form;
	}

	private void fill() {
		while (this.contacts.size() < CONTACT_ROWS) {
			this.contacts.add("");
		}
	}

	ProcedureDraft toDraft() {
		return new ProcedureDraft(this.title, this.body, new ArrayList<>(this.contacts));
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
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

	public List<String> getContacts() {
		return this.contacts;
	}

	public void setContacts(List<String> contacts) {
		this.contacts = contacts;
	}

}
