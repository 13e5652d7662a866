/**
 * Pages for escalation policies (administrators) and a manager's team.
 */
package io.herald.escalation.web;
