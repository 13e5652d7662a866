package io.herald.notification;

import java.time.Instant;

/**
 * One notification as a daily digest lists it.
 */
record DigestEntry(String kind, String subject, String link, Instant createdAt) {

}
