/**
 * The directory's web layer: pages and API endpoints that call the directory's public
 * services only.
 */
package io.herald.directory.web;
