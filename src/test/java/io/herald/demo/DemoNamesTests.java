package io.herald.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoNamesTests {

	@Test
	void emailsSpellPolishNamesWithoutDiacritics() {
		assertThat(DemoNames.ascii("Łukasz")).isEqualTo("lukasz");
		assertThat(DemoNames.ascii("Gołębiowska")).isEqualTo("golebiowska");
		assertThat(DemoNames.ascii("Żaneta")).isEqualTo("zaneta");
		assertThat(DemoNames.ascii("O'Brien")).isEqualTo("obrien");
	}

}
