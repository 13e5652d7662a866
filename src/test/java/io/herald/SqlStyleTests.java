package io.herald;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL stays readable (docs/code.md): a statement is one text block with named parameters
 * and rows are read by column name. Fails on a row read by position
 * ({@code rs.getLong(1)}), on a statement glued from string pieces
 * ({@code "select … " + …}, a text block followed by {@code +}) and on a hand-built
 * {@code in (?, ?, …)} list.
 */
class SqlStyleTests {

	static final Path SOURCES = Path.of("src/main/java/io/herald");

	private static final Pattern POSITIONAL_READ = Pattern.compile("\\brs\\.get\\w+\\(\\s*\\d+\\s*\\)");

	private static final Pattern GLUED_STATEMENT = Pattern.compile(
			"\"(?i:\\s*(?:select|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|merge\\s+into|with\\s+\\w+\\s+as)\\b)[^\"\\n]*\"\\s*\\+"
					+ "|\"\"\"\\s*\\+");

	private static final Pattern PLACEHOLDER_LIST = Pattern.compile("nCopies\\([^;]*\"\\?\"");

	@Test
	void rowsAreReadByColumnName() {
		assertThat(offences(POSITIONAL_READ)).as("rows read by position").isEmpty();
	}

	@Test
	void statementsAreOneTextBlock() {
		assertThat(offences(GLUED_STATEMENT)).as("statements glued from pieces").isEmpty();
	}

	@Test
	void listsOfIdsAreOneArrayParameter() {
		assertThat(offences(PLACEHOLDER_LIST)).as("hand-built in (?, ?, …) lists").isEmpty();
	}

	@Test
	void theChecksRecogniseWhatTheyLookFor() {
		assertThat(POSITIONAL_READ.matcher("long id = rs.getLong(1);").find()).isTrue();
		assertThat(POSITIONAL_READ.matcher("long id = rs.getLong(\"id\");").find()).isFalse();
		assertThat(GLUED_STATEMENT.matcher("jdbc.query(\"select id from employees \" + where, …)").find()).isTrue();
		assertThat(GLUED_STATEMENT.matcher("String sql = \"\"\"\n\tselect 1\"\"\" + more;").find()).isTrue();
		assertThat(GLUED_STATEMENT.matcher("\"temporary password set for employee \" + id").find()).isFalse();
		assertThat(PLACEHOLDER_LIST.matcher("String.join(\", \", Collections.nCopies(ids.size(), \"?\"))").find())
			.isTrue();
	}

	private static List<String> offences(Pattern pattern) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java")).sorted().forEach((file) -> {
				String code = TableOwnershipTests.withoutComments(read(file));
				Matcher matcher = pattern.matcher(code);
				while (matcher.find()) {
					found.add(SOURCES.relativize(file) + ": " + matcher.group().strip());
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
