package io.herald.notification;

/**
 * An e-mail rendered for its recipient: subject line, HTML and plain text.
 */
record ComposedMail(String subject, String html, String text) {

}
