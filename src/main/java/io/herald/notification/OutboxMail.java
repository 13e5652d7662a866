package io.herald.notification;

/**
 * One outbox e-mail as it reads: the entry, and the e-mail rendered again from what the
 * outbox holds — subject line, plain text, and the HTML sanitised so that it can be shown
 * inside a page. Rendering needs the recipient: {@code rendered} is false (and the texts
 * null) when they are no longer in the directory.
 */
public record OutboxMail(OutboxEntry entry, boolean rendered, String subjectLine, String text, String safeHtml) {

}
