/**
 * The landing page: who you are and, for each of your roles, where to go and what needs
 * you.
 */
@ApplicationModule(allowedDependencies = { "account::api", "announcement::api", "channel::api", "directory::api" })
package io.herald.home;

import org.springframework.modulith.ApplicationModule;
