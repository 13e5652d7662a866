/**
 * The audit log: an append-only record of publishing, crisis, admin and directory actions
 * — who did what to whom, and when.
 */
@ApplicationModule(allowedDependencies = {})
package io.herald.audit;

import org.springframework.modulith.ApplicationModule;
