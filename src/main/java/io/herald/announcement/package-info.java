/**
 * Announcements: drafting, review, targeting, scheduling, publishing with audience
 * resolution and fan-out into deliveries, and each employee's feed.
 */
@ApplicationModule(allowedDependencies = { "audit::api", "channel::api", "channel::events", "directory::api",
		"directory::events" })
package io.herald.announcement;

import org.springframework.modulith.ApplicationModule;
