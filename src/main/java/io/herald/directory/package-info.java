/**
 * The employee directory: people, departments, locations and the manager hierarchy that
 * every audience, escalation and crisis roster is resolved from.
 */
package io.herald.directory;
