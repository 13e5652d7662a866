/**
 * Channels: company-wide, department, location and topic channels, who owns and may post
 * to them, and who subscribes to topic channels.
 */
@ApplicationModule(allowedDependencies = { "audit::api", "directory::api" })
package io.herald.channel;

import org.springframework.modulith.ApplicationModule;
