package io.herald.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	@Test
	void westernNamesReadGivenNameFirst() {
		assertThat(PersonName.display("Łukasz", "Zieliński", null)).isEqualTo("Łukasz Zieliński");
	}

	@Test
	void chineseNamesReadFamilyNameFirstWithoutASpace() {
		assertThat(PersonName.display("怡君", "陳", null)).isEqualTo("陳怡君");
	}

	@Test
	void aPreferredNameWins() {
		assertThat(PersonName.display("怡君", "陳", "Grace Chen")).isEqualTo("Grace Chen");
		assertThat(PersonName.display("Małgorzata", "Nowak", " ")).isEqualTo("Małgorzata Nowak");
	}

}
