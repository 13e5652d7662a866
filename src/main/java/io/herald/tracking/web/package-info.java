/**
 * The acknowledge button's form post, the tracking page of a post with its CSV export and
 * reminder button, and the read, acknowledge and tracking API.
 */
package io.herald.tracking.web;
