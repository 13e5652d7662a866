/**
 * Crisis plans (versioned, with their response team, checklist and pre-approved messages)
 * and the support procedures every employee reads.
 */
package io.herald.crisis;
