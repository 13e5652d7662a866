/**
 * Reminder and escalation policies, the sweep that applies them to unacknowledged posts,
 * and a manager's view of their reports' outstanding acknowledgements.
 */
@ApplicationModule(allowedDependencies = { "account::api", "announcement::api", "audit::api", "channel::api",
		"directory::api", "notification::api" })
package io.herald.escalation;

import org.springframework.modulith.ApplicationModule;
