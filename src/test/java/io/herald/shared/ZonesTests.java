package io.herald.shared;

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

}
