/**
 * Crisis plans (versioned, with their response team, checklist and pre-approved
 * messages), incidents with their safety check-ins and live roster, and the support
 * procedures every employee reads.
 */
package io.herald.crisis;
