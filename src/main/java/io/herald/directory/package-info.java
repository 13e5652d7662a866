/**
 * The employee directory: people, departments, locations and the manager hierarchy that
 * every audience, escalation and crisis roster is resolved from.
 */
@ApplicationModule(allowedDependencies = { "audit::api" })
package io.herald.directory;

import org.springframework.modulith.ApplicationModule;
