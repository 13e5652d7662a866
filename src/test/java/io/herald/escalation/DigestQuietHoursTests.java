package io.herald.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.herald.directory.Contact;
import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A digest's e-mail waits out its reader's quiet hours, not those of the people it lists;
 * a critical one never waits.
 */
class DigestQuietHoursTests {

	static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	// 11:00 in Warsaw on 2 November 2026 is 23:00 in Auckland.
	static final Instant WARSAW_MORNING = LocalDateTime.of(2026, 11, 2, 11, 0)
		.atZone(ZoneId.of("Europe/Warsaw"))
		.toInstant();

	@Test
	void aManagersDigestIsEmailedAtEightInTheManagersOwnZone() {
		Notice digest = notice(false);

		Notice held = DigestSender.afterQuietHours(digest, reader(AUCKLAND), WARSAW_MORNING);

		assertThat(held.mailNotBefore()).isEqualTo(LocalDateTime.of(2026, 11, 3, 8, 0).atZone(AUCKLAND).toInstant());
		assertThat(held).usingRecursiveComparison().ignoringFields("mailNotBefore").isEqualTo(digest);
	}

	@Test
	void aReaderOutsideQuietHoursGetsItAtOnce() {
		Notice held = DigestSender.afterQuietHours(notice(false), reader(ZoneId.of("Europe/London")), WARSAW_MORNING);

		assertThat(held.mailNotBefore()).isEqualTo(WARSAW_MORNING);
	}

	@Test
	void aCriticalDigestNeverWaits() {
		Notice critical = notice(true);

		assertThat(DigestSender.afterQuietHours(critical, reader(AUCKLAND), WARSAW_MORNING)).isSameAs(critical);
	}

	private static Notice notice(boolean critical) {
		return new Notice(7, NotificationKind.MANAGER_DIGEST, 42L, "Sign the policy", "Sign the policy — Anna", "/team",
				critical, "escalation-digest:manager:7:1");
	}

	private static Contact reader(ZoneId zone) {
		return new Contact(7, "manager@example.com", "Manager", "en", zone, true);
	}

}
