package io.herald.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SingleLine} and {@link MultiLine} let through: one line takes no control
 * character at all, many lines take line breaks and tabs but nothing else.
 */
class LineConstraintsTests {

	private final SingleLine.Check singleLine = new SingleLine.Check();

	private final MultiLine.Check multiLine = new MultiLine.Check();

	@Test
	void oneLineRefusesLineBreaksTabsNulAndOtherControlCharacters() {
		assertThat(this.singleLine.isValid(null, null)).isTrue();
		assertThat(this.singleLine.isValid("Łukasz Zieliński · 台北 – ok", null)).isTrue();
		for (String bad : new String[] { "a\rb", "a\nb", "a\u0000b", "a\tb", "a\u007fb", "a\u0085b", "a\u2028b",
				"a\u001bb" }) {
			assertThat(this.singleLine.isValid(bad, null)).as(bad).isFalse();
		}
	}

	@Test
	void manyLinesTakeLineBreaksAndTabsButRefuseNulAndOtherControlCharacters() {
		assertThat(this.multiLine.isValid(null, null)).isTrue();
		assertThat(this.multiLine.isValid("First line\r\nsecond\n\tindented", null)).isTrue();
		for (String bad : new String[] { "a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb" }) {
			assertThat(this.multiLine.isValid(bad, null)).as(bad).isFalse();
		}
	}

}
