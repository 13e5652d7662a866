/**
 * Pages and API for crisis plans (comms managers, HR, administrators) and procedures
 * (everyone).
 */
package io.herald.crisis.web;
