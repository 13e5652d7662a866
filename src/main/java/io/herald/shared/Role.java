package io.herald.shared;

/**
 * What a person may do in Herald. Roles add up: a communications manager is also an
 * employee.
 */
public enum Role {

	EMPLOYEE, COMMS_MANAGER, HR, ADMIN;

	/**
	 * The authority Spring Security checks for this role.
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
