package io.herald.notification;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * One notification to one person. {@code key} names its cause (say
 * {@code reminder:42:17:DUE}): the same key is e-mailed once, however often it is sent.
 * {@code subject} holds the words that vary (a post's title); {@code detail} optional
 * further lines; {@code link} a path inside Herald; {@code mailNotBefore}, when set,
 * holds the e-mail back until then (the end of the person's quiet hours).
 */
@NamedInterface("api")
public record Notice(long employeeId, NotificationKind kind, Long announcementId, String subject, String detail,
		String link, boolean critical, String key, Instant mailNotBefore) {

	public Notice {
		subject = (subject.length() > 300) ? subject.substring(0, 299) + "…" : subject;
		detail = (detail != null && detail.length() > 2000) ? detail.substring(0, 1999) + "…" : detail;
	}

	public Notice(long employeeId, NotificationKind kind, Long announcementId, String subject, String detail,
			String link, boolean critical, String key) {
		this(employeeId, kind, announcementId, subject, detail, link, critical, key, null);
	}

}
