/**
 * The audit log page for administrators.
 */
package io.herald.audit.web;
