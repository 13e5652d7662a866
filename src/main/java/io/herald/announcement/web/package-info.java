/**
 * The authoring desk and calendar for communications managers, the feed, post and channel
 * pages for employees, and the announcement and feed API.
 */
package io.herald.announcement.web;
