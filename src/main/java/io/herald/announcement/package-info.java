/**
 * Announcements: drafting, review, targeting, scheduling, publishing with audience
 * resolution and fan-out into deliveries, and each employee's feed.
 */
package io.herald.announcement;
