/**
 * The insight pages (overview, department drill-down, announcements, channel map), their
 * CSV exports and the summary API.
 */
package io.herald.insight.web;
