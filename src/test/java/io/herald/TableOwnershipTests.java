package io.herald;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owning module, and other modules touch it only as
 * {@code docs/tables.md} says: the test reads that page, finds every table the migrations
 * create and every table each module's code names after {@code insert into},
 * {@code update}, {@code delete from}, {@code merge into}, {@code from} or {@code join}
 * (and in {@code @Table}/{@code @CollectionTable} mappings), and fails on a table the
 * page does not list or a module reading or writing a table it is not allowed to.
 */
class TableOwnershipTests {

	static final Path SOURCES = Path.of("src/main/java/io/herald");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path OWNERSHIP = Path.of("docs/tables.md");

	private static final Pattern CREATED = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern WRITTEN = Pattern
		.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)");

	private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)");

	private static final Pattern MAPPED = Pattern
		.compile("@(?:Table|CollectionTable|JoinTable)\\(name\\s*=\\s*\"(\\w+)\"");

	static Set<String> tables;

	static Set<String> modules;

	static Map<String, Ownership> ownership;

	/**
	 * Per module: the tables its code writes and the tables it reads.
	 */
	static Map<String, Use> uses;

	@BeforeAll
	static void readEverything() {
		tables = createdTables();
		modules = modules();
		ownership = ownership(modules);
		uses = new TreeMap<>();
		for (String module : modules) {
			uses.put(module, use(SOURCES.resolve(module), tables));
		}
	}

	@Test
	void everyTableHasExactlyOneRowAndOneOwnerThatIsAModule() {
		assertThat(ownership.keySet()).as("tables in %s vs tables the migrations create", OWNERSHIP)
			.containsExactlyInAnyOrderElementsOf(tables);
		ownership.forEach((table, owned) -> assertThat(modules).as("owner of %s", table).contains(owned.owner()));
	}

	@Test
	void modulesWriteOnlyTheTablesTheyOwnOrAreListedAsWriting() {
		List<String> refused = new ArrayList<>();
		uses.forEach((module, use) -> use.written().forEach((table) -> {
			if (!ownership.get(table).mayWrite(module)) {
				refused.add(module + " writes " + table);
			}
		}));
		assertThat(refused).as("writes not allowed by %s", OWNERSHIP).isEmpty();
	}

	@Test
	void modulesReadOnlyTheTablesTheyAreListedAsReading() {
		List<String> refused = new ArrayList<>();
		uses.forEach((module, use) -> use.read().forEach((table) -> {
			if (!ownership.get(table).mayRead(module)) {
				refused.add(module + " reads " + table);
			}
		}));
		assertThat(refused).as("reads not allowed by %s", OWNERSHIP).isEmpty();
	}

	@Test
	void thePageListsNoPermissionThatIsNotUsed() {
		List<String> unused = new ArrayList<>();
		ownership.forEach((table, owned) -> {
			owned.writers().forEach((module) -> {
				if (!uses.get(module).written().contains(table)) {
					unused.add(module + " is listed as writing " + table);
				}
			});
			owned.readers().forEach((module) -> {
				if (!uses.get(module).read().contains(table)) {
					unused.add(module + " is listed as reading " + table);
				}
			});
		});
		assertThat(unused).as("permissions in %s nobody uses", OWNERSHIP).isEmpty();
	}

	@Test
	void theScanFindsStatementsInTextBlocksAndMappings() {
		Use use = use("""
				/* insert into employees is only a comment */
				// update employees too
				String route = "/api/**";
				@CollectionTable(name = "channel_members")
				String sql = \"""
						update deliveries d set read_at = :now
						 where d.announcement_id = (select id from announcements where id = :id)
						   and exists (select 1 from employees e join departments x on x.id = e.department_id)\""";
				""", Set.of("deliveries", "announcements", "employees", "departments", "channel_members"));
		assertThat(use.written()).containsExactlyInAnyOrder("deliveries", "channel_members");
		assertThat(use.read()).containsExactlyInAnyOrder("announcements", "employees", "departments");
		assertThat(uses.get("announcement").written()).as("the fan-out's table").contains("deliveries");
	}

	private static Set<String> createdTables() {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			files.filter((file) -> file.toString().endsWith(".sql"))
				.forEach((file) -> find(CREATED, read(file), created));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(created).as("tables the migrations create").hasSizeGreaterThan(40);
		return created;
	}

	private static Set<String> modules() {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> entries = Files.list(SOURCES)) {
			entries.filter(Files::isDirectory).forEach((dir) -> found.add(dir.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static Use use(Path module, Set<String> tables) {
		StringBuilder code = new StringBuilder();
		try (Stream<Path> files = Files.walk(module)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.forEach((file) -> code.append(read(file)).append('\n'));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return use(code.toString(), tables);
	}

	static Use use(String code, Set<String> tables) {
		String statements = withoutComments(code);
		Set<String> written = new TreeSet<>();
		find(WRITTEN, statements, written);
		find(MAPPED, statements, written);
		Set<String> read = new TreeSet<>();
		find(READ, statements, read);
		written.retainAll(tables);
		read.retainAll(tables);
		read.removeAll(written);
		return new Use(written, read);
	}

	/**
	 * Rows of the page's table:
	 * {@code | `table` | owner | also writing | reading | what it holds |}, each cell's
	 * module names among other words.
	 */
	private static Map<String, Ownership> ownership(Set<String> modules) {
		Map<String, Ownership> rows = new TreeMap<>();
		Pattern row = Pattern.compile("(?m)^\\|\\s*`(\\w+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|[^|\\n]*\\|\\s*$");
		Matcher matcher = row.matcher(read(OWNERSHIP));
		while (matcher.find()) {
			Set<String> owner = moduleNames(matcher.group(2), modules);
			assertThat(owner).as("owner of %s", matcher.group(1)).hasSize(1);
			Ownership previous = rows.put(matcher.group(1), new Ownership(owner.iterator().next(),
					moduleNames(matcher.group(3), modules), moduleNames(matcher.group(4), modules)));
			assertThat(previous).as("second row for %s", matcher.group(1)).isNull();
		}
		return rows;
	}

	private static Set<String> moduleNames(String cell, Set<String> modules) {
		Set<String> names = new TreeSet<>();
		Matcher words = Pattern.compile("[a-z]+").matcher(cell.replaceAll("\\(.*?\\)", ""));
		while (words.find()) {
			if (modules.contains(words.group())) {
				names.add(words.group());
			}
		}
		return names;
	}

	/**
	 * The code with its comments left out, reading string literals and text blocks as
	 * they are (a route such as {@code "/api/**"} is not the start of a comment).
	 */
	static String withoutComments(String code) {
		StringBuilder kept = new StringBuilder(code.length());
		int i = 0;
		while (i < code.length()) {
			if (code.startsWith("//", i)) {
				i = end(code, "\n", i + 2);
			}
			else if (code.startsWith("/*", i)) {
				i = end(code, "*/", i + 2);
			}
			else if (code.startsWith("\"\"\"", i)) {
				int end = end(code, "\"\"\"", i + 3);
				kept.append(code, i, end);
				i = end;
			}
			else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
				int end = i + 1;
				while (end < code.length() && code.charAt(end) != code.charAt(i) && code.charAt(end) != '\n') {
					end += (code.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end + 1, code.length());
				kept.append(code, i, end);
				i = end;
			}
			else {
				kept.append(code.charAt(i));
				i++;
			}
		}
		return kept.toString();
	}

	private static int end(String code, String closing, int from) {
		int at = code.indexOf(closing, from);
		return (at < 0) ? code.length() : at + closing.length();
	}

	private static void find(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1).toLowerCase());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Ownership(String owner, Set<String> writers, Set<String> readers) {

		boolean mayWrite(String module) {
			return this.owner.equals(module) || this.writers.contains(module);
		}

		boolean mayRead(String module) {
			return mayWrite(module) || this.readers.contains(module);
		}

	}

	record Use(Set<String> written, Set<String> read) {

	}

}
