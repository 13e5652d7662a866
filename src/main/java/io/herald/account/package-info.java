/**
 * User accounts: who may sign in, with which roles, password policy, login throttling and
 * the first administrator of a fresh installation.
 */
@ApplicationModule(allowedDependencies = { "announcement::api", "audit::api", "directory::api", "directory::events",
		"notification::api" })
package io.herald.account;

import org.springframework.modulith.ApplicationModule;
