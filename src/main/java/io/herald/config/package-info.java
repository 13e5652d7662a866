/**
 * Infrastructure: security, locale and formatting for the web layer, error handling.
 * Depends on the modules it configures; no module depends on it.
 */
@ApplicationModule(allowedDependencies = { "account::api", "announcement::api", "channel::api", "demo::api",
		"escalation::api", "notification::api" })
package io.herald.config;

import org.springframework.modulith.ApplicationModule;
