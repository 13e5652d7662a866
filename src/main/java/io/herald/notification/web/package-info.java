/**
 * The inbox for everyone at {@code /notifications}, and the e-mail outbox for
 * administrators at {@code /admin/outbox}.
 */
package io.herald.notification.web;
