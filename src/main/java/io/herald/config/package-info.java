/**
 * Infrastructure: security, locale and formatting for the web layer, error handling.
 * Depends on the modules it configures; no module depends on it.
 */
package io.herald.config;
