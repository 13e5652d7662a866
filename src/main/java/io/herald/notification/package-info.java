/**
 * Notifications: the in-app inbox, each person's preferences, and e-mail through an
 * outbox written with the event that causes it and sent with retries.
 */
@ApplicationModule(
		allowedDependencies = { "announcement::api", "announcement::events", "audit::api", "directory::api" })
package io.herald.notification;

import org.springframework.modulith.ApplicationModule;
