package io.herald.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the file's shape: encoding, header, delimiter, line numbers, and the formula
 * apostrophe.
 */
class DirectoryCsvTests {

	@Test
	void readsRowsWithTheirLinesWhateverTheHeaderCaseAndABom() {
		byte[] csv = bytes("\uFEFFEmail, FIRST_NAME ,Last_Name\r\na@import.test,Ana,Nowak\r\n\r\n"
				+ "b@import.test,\"Bo\nBo\",Li\r\nc@import.test,Cy,Wu\r\n");
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(csv);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rows()).extracting(DirectoryCsv.Row::line).containsExactly(2, 4, 6);
		assertThat(parsed.rows().get(1).get(ImportColumn.FIRST_NAME)).isEqualTo("Bo\nBo");
	}

	@Test
	void removesTheApostropheTheExportPutsBeforeFormulaCharacters() {
		assertThat(DirectoryCsv.clean("'+48 22 123")).isEqualTo("+48 22 123");
		assertThat(DirectoryCsv.clean("'=SUM(A1)")).isEqualTo("=SUM(A1)");
		assertThat(DirectoryCsv.clean("'@home")).isEqualTo("@home");
		assertThat(DirectoryCsv.clean("'-5")).isEqualTo("-5");
		assertThat(DirectoryCsv.clean("O'Brien")).isEqualTo("O'Brien");
		assertThat(DirectoryCsv.clean("'quoted'")).isEqualTo("'quoted'");
	}

	@Test
	void neutralisingAndCleaningGiveBackEveryValueExactly() {
		for (String value : new String[] { "=1+1", "+48 22", "-x", "@x", "'=x", "''+x", "'", "'plain", "plain", "\tTab",
				"Łukasz", "王小明" }) {
			assertThat(DirectoryCsv.clean(DirectoryCsv.neutralise(value))).as(value).isEqualTo(value);
		}
		assertThat(DirectoryCsv.neutralise("=HYPERLINK(\"x\")")).startsWith("'=");
		assertThat(DirectoryCsv.neutralise("+48 22")).isEqualTo("'+48 22");
	}

	@Test
	void saysWhichLineIsNotUtf8() {
		byte[] head = bytes("email,first_name,last_name\na@import.test,Ana,Nowak\n");
		byte[] latin2 = "b@import.test,Łucja,Wąs\n".getBytes(java.nio.charset.Charset.forName("windows-1250"));
		byte[] csv = new byte[head.length + latin2.length];
		System.arraycopy(head, 0, csv, 0, head.length);
		System.arraycopy(latin2, 0, csv, head.length, latin2.length);
		assertThat(problems(DirectoryCsv.parse(csv))).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.message()).contains("not UTF-8");
		});
	}

	@Test
	void tenMegabytesOfRandomBytesFailAtOnceWithOneClearMessage() {
		byte[] garbage = new byte[10 * 1024 * 1024];
		new Random(7).nextBytes(garbage);
		assertThat(problems(DirectoryCsv.parse(garbage))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not UTF-8"));
	}

	@Test
	void tenMegabytesOfPrintableGarbageFailOnTheHeader() {
		Random random = new Random(11);
		StringBuilder text = new StringBuilder(10 * 1024 * 1024);
		while (text.length() < 10 * 1024 * 1024) {
			text.append((char) (' ' + random.nextInt(95)));
			if (random.nextInt(80) == 0) {
				text.append('\n');
			}
		}
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes(text.toString()));
		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.errors()).isNotEmpty().allSatisfy((error) -> assertThat(error.line()).isEqualTo(1));
	}

	@Test
	void oneLongLineIsNotTakenForAHeader() {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes("x".repeat(5_000_000)));
		assertThat(problems(parsed)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not a header row"));
	}

	@Test
	void binaryContentIsRefused() {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes("email,first_name,last_name\na\0b,c,d\n"));
		assertThat(problems(parsed)).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(2);
			assertThat(error.message()).contains("binary");
		});
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeReadingIt() {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(new byte[DirectoryCsv.MAX_BYTES + 1]);
		assertThat(problems(parsed)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("larger than 20 MB"));
	}

	@Test
	void tabsAsDelimiterAreNamed() {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes("email\tfirst_name\tlast_name\na\tb\tc\n"));
		assertThat(problems(parsed)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("tabs; use commas"));
	}

	@Test
	void aColumnTwiceIsAnError() {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes("email,first_name,last_name,EMAIL\na,b,c,d\n"));
		assertThat(problems(parsed)).singleElement().satisfies((error) -> {
			assertThat(error.column()).isEqualTo("email");
			assertThat(error.message()).contains("appears twice");
		});
	}

	private static List<ImportProblem> problems(DirectoryCsv.Parsed parsed) {
		return EnglishProblems.of(parsed.errors());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
