package io.herald.announcement;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Who holds the communications manager role: they review posts on every channel, so a
 * post sent for review is announced to them. The account module, which knows the roles,
 * answers; asked in the background, with no caller needed.
 */
@NamedInterface("api")
public interface CommsManagers {

	/**
	 * Employee ids of the enabled accounts holding the role.
	 */
	Set<Long> employeeIds();

}
