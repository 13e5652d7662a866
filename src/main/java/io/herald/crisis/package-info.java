/**
 * Crisis plans (versioned, with their response team, checklist and pre-approved
 * messages), incidents with their safety check-ins and live roster, and the support
 * procedures every employee reads.
 */
@ApplicationModule(allowedDependencies = { "account::api", "announcement::api", "audit::api", "directory::api",
		"escalation::api", "notification::api", "tracking::api" })
package io.herald.crisis;

import org.springframework.modulith.ApplicationModule;
