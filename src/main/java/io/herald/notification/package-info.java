/**
 * Notifications: the in-app inbox, each person's preferences, and e-mail through an
 * outbox written with the event that causes it and sent with retries.
 */
package io.herald.notification;
