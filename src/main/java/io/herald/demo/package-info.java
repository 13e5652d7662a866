/**
 * The demo organisation: about 300 people across five locations, created on the first
 * start of the embedded default so anyone trying Herald can see it through any employee's
 * eyes. Never active outside demo mode.
 */
@ApplicationModule(allowedDependencies = { "account::api", "announcement::api", "directory::api", "tracking::api" })
package io.herald.demo;

import org.springframework.modulith.ApplicationModule;
