/**
 * Pages and API for one's own account and for administering accounts.
 */
package io.herald.account.web;
