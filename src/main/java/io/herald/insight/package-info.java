/**
 * Insight: HR's read-rate and acknowledgement dashboards, the communications manager's
 * channel map and their exports, from a roll-up of the tracking counters of its own.
 */
@ApplicationModule(allowedDependencies = { "announcement::api", "announcement::events", "channel::api", "crisis::api",
		"directory::api", "tracking::events" })
package io.herald.insight;

import org.springframework.modulith.ApplicationModule;
