/**
 * Reminder and escalation policies, the sweep that applies them to unacknowledged posts,
 * and a manager's view of their reports' outstanding acknowledgements.
 */
package io.herald.escalation;
