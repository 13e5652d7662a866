/**
 * Read tracking: reads and acknowledgements, the per-post counters kept as they arrive,
 * and the tracking figures and recipient lists built from them.
 */
@ApplicationModule(allowedDependencies = { "announcement::api", "announcement::events", "audit::api", "channel::api",
		"directory::api", "escalation::api", "notification::api" })
package io.herald.tracking;

import org.springframework.modulith.ApplicationModule;
