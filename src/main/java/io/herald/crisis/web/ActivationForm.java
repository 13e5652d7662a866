package io.herald.crisis.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

import io.herald.crisis.Activation;
import io.herald.crisis.IncidentScope;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

/**
 * The activation confirmation form: scope, the alert's words and the drill box.
 */
public class ActivationForm {

	private boolean everyone;

	private List<Long> locationIds = new ArrayList<>();

	private List<Long> departmentIds = new ArrayList<>();

	@SingleLine
	private String title;

	@MultiLine
	private String body;

	private boolean drill;

	// The scope whose reach the page showed: sending waits until the person has seen the
	// number for the scope they send to.
	@SingleLine
	private String countedScope;

	static ActivationForm of(Activation activation) {
		ActivationForm form = new ActivationForm();
		form.everyone = activation.scope().everyone();
		form.locationIds = new ArrayList<>(activation.scope().locationIds());
		form.departmentIds = new ArrayList<>(activation.scope().departmentIds());
		form.title = activation.title();
		form.body = activation.body();
		form.drill = activation.drill();
		return form;
	}

	Activation toActivation() {
		return new Activation(new IncidentScope(this.everyone, new HashSet<>(nonNull(this.locationIds)),
				new HashSet<>(nonNull(this.departmentIds))), this.title, this.body, this.drill);
	}

	/**
	 * The scope ticked, as text that is equal for equal scopes.
	 */
	String scopeKey() {
		IncidentScope scope = toActivation().scope();
		if (scope.everyone()) {
			return "everyone";
		}
		return "L" + new TreeSet<>(scope.locationIds()) + "D" + new TreeSet<>(scope.departmentIds());
	}

	/**
	 * Whether the reach shown was counted for the scope now ticked.
	 */
	boolean reachShownForScope() {
		return scopeKey().equals(this.countedScope);
	}

	private static List<Long> nonNull(List<Long> ids) {
		return (ids != null) ? ids.stream().filter((id) -> id != null).toList() : List.of();
	}

	public boolean isEveryone() {
		return this.everyone;
	}

	public void setEveryone(boolean everyone) {
		this.everyone = everyone;
	}

	public List<Long> getLocationIds() {
		return this.locationIds;
	}

	public void setLocationIds(List<Long> locationIds) {
		this.locationIds = locationIds;
	}

	public List<Long> getDepartmentIds() {
		return this.departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds;
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

	public boolean isDrill() {
		return this.drill;
	}

	public void setDrill(boolean drill) {
		this.drill = drill;
	}

	public String getCountedScope() {
		return this.countedScope;
	}

	public void setCountedScope(String countedScope) {
		this.countedScope = countedScope;
	}

}
