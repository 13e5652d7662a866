package io.herald.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonesTests {

	@Test
	void acceptsIanaNamesInAnyCase() {
		assertThat(Zones.parse(" europe/warsaw ")).contains(ZoneId.of("Europe/Warsaw"));
		assertThat(Zones.parse("Asia/Taipei")).contains(ZoneId.of("Asia/Taipei"));
		assertThat(Zones.parse("UTC")).contains(ZoneId.of("UTC"));
	}

	@Test
	void refusesOffsetsAndUnknownNames() {
		assertThat(Zones.parse("+18:00")).isEmpty();
		assertThat(Zones.parse("+05:30")).isEmpty();
		assertThat(Zones.parse("UTC+05:30")).isEmpty();
		assertThat(Zones.parse("Z")).isEmpty();
		assertThat(Zones.parse("Mars/Olympus")).isEmpty();
		assertThat(Zones.parse(null)).isEmpty();
	}

	@Test
	void storesJavasUtcAsUtcAndNoOtherOffset() {
		assertThat(Zones.iana(ZoneOffset.UTC)).isEqualTo("UTC");
		assertThat(Zones.iana(ZoneId.of("Asia/Taipei"))).isEqualTo("Asia/Taipei");
		assertThatThrownBy(() -> Zones.iana(ZoneOffset.ofHours(8))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void wallClockTimeInSummerAndWinterUsesThatSeasonsOffset() {
		ZoneId warsaw = ZoneId.of("Europe/Warsaw");
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 1, 15, 9, 0), warsaw))
			.isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 7, 15, 9, 0), warsaw))
			.isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
	}

	@Test
	void timeSkippedBySpringForwardMovesForwardByTheGap() {
		// Warsaw jumps from 02:00 CET to 03:00 CEST: 02:30 does not exist,
		// 03:30 CEST does.
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 3, 29, 2, 30), ZoneId.of("Europe/Warsaw")))
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 3, 29, 2, 0), ZoneId.of("Europe/Warsaw")))
			.isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 3, 29, 3, 0), ZoneId.of("Europe/Warsaw")))
			.isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
	}

	@Test
	void timeRepeatedByFallBackIsTheFirstOfTheTwo() {
		// Warsaw goes from 03:00 CEST back to 02:00 CET: 02:30 happens at
		// +02:00, then at +01:00.
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 10, 25, 2, 30), ZoneId.of("Europe/Warsaw")))
			.isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 10, 25, 3, 0), ZoneId.of("Europe/Warsaw")))
			.isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
	}

	@Test
	void zoneWithoutDaylightSavingIsOneFixedOffset() {
		ZoneId taipei = ZoneId.of("Asia/Taipei");
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 3, 29, 2, 30), taipei))
			.isEqualTo(Instant.parse("2026-03-28T18:30:00Z"));
		assertThat(Zones.toInstant(LocalDateTime.of(2026, 10, 25, 9, 0), taipei))
			.isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
	}

	@Test
	void sameWallClockTimeIsDifferentInstantsInDifferentZones() {
		LocalDateTime nine = LocalDateTime.of(2026, 6, 1, 9, 0);
		assertThat(Duration.between(Zones.toInstant(nine, ZoneId.of("Asia/Taipei")),
				Zones.toInstant(nine, ZoneId.of("Europe/Warsaw"))))
			.isEqualTo(Duration.ofHours(6));
	}

}
