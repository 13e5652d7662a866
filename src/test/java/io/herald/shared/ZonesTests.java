package io.herald.shared;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZonesTests {

	@Test
	void storesIanaNamesEvenForJavasOffsets() {
		assertThat(Zones.iana(ZoneOffset.UTC)).isEqualTo("UTC");
		assertThat(Zones.iana(ZoneOffset.ofHours(8))).isEqualTo("Etc/GMT-8");
		assertThat(ZoneId.of(Zones.iana(ZoneOffset.ofHours(-5))).getRules().getOffset(java.time.Instant.EPOCH))
			.isEqualTo(ZoneOffset.ofHours(-5));
		assertThat(Zones.iana(ZoneId.of("Asia/Taipei"))).isEqualTo("Asia/Taipei");
	}

}
