package io.herald.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationRulesTests {

	private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	@Test
	void anOpenInvitationIsValidUntilTheInstantItExpires() {
		assertThat(invitation(true, NOW.plusSeconds(1), null).status(NOW)).isEqualTo(InvitationStatus.VALID);
		assertThat(invitation(true, NOW, null).status(NOW)).isEqualTo(InvitationStatus.EXPIRED);
	}

	@Test
	void usedBeatsEverythingElse() {
		assertThat(invitation(false, NOW.minusSeconds(1), NOW.minusSeconds(5)).status(NOW))
			.isEqualTo(InvitationStatus.USED);
	}

	@Test
	void aDisabledAccountsInvitationIsWithdrawnEvenBeforeItExpires() {
		assertThat(invitation(false, NOW.plusSeconds(3600), null).status(NOW)).isEqualTo(InvitationStatus.WITHDRAWN);
	}

	private static Invitations.Invitation invitation(boolean enabled, Instant expiresAt, Instant usedAt) {
		return new Invitations.Invitation(1, 2, enabled, expiresAt, usedAt, "someone@herald.test");
	}

}
