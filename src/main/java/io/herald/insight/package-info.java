/**
 * Insight: HR's read-rate and acknowledgement dashboards, the communications manager's
 * channel map and their exports, from a roll-up of the tracking counters of its own.
 */
package io.herald.insight;
