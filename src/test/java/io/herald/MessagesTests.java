package io.herald;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.herald.shared.Role;
import io.herald.crisis.AnsweredVia;
import io.herald.crisis.CheckInLink;
import io.herald.crisis.CheckInStatus;
import io.herald.crisis.DrillReport.GapReason;
import io.herald.directory.DirectoryImport;
import io.herald.tracking.RecipientFilter;
import io.herald.tracking.RecipientStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UI string is a message key: templates hold no literal text, every key they name
 * exists, and every language bundle has exactly the keys of the English one.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	private static final Pattern KEY_IN_JAVA = Pattern
		.compile("(?:rejectValue\\(\"\\w+\", |addFlashAttribute\\(\"flash\\w+\", |violations\\.add\\()\"([^\"]+)\"");

	// The CSV reader and the planner pass codes around before they are worded.
	private static final Pattern IMPORT_PROBLEM_CODE = Pattern.compile("\"(directoryImport\\.problem\\.\\w+)\"");

	private static final Pattern KEY_IN_ANNOTATION = Pattern.compile("message = \"\\{([^}]+)}\"");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext")
						|| element.hasAttr("th:replace") || element.hasAttr("th:insert");
				if (!replaced && !element.nameIs("script") && !element.nameIs("style")) {
					for (TextNode text : element.textNodes()) {
						if (!text.isBlank()) {
							problems.add(template + ": literal text '" + text.text().strip() + "' in <"
									+ element.tagName() + ">");
						}
					}
				}
				for (String attribute : TEXT_ATTRIBUTES) {
					if (element.hasAttr(attribute)) {
						problems.add(template + ": literal " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyTheTemplatesAndCodeUseExists() throws IOException {
		Set<String> keys = load(MESSAGES.resolve("messages.properties")).stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			collect(KEY_IN_TEMPLATE, Files.readString(template), keys, missing);
		}
		try (Stream<Path> sources = Files.walk(SOURCES)) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				String code = Files.readString(source);
				collect(KEY_IN_JAVA, code, keys, missing);
				collect(KEY_IN_ANNOTATION, code, keys, missing);
				collect(IMPORT_PROBLEM_CODE, code, keys, missing);
			}
		}
		for (Role role : Role.values()) {
			if (!keys.contains("role." + role)) {
				missing.add("role." + role);
			}
		}
		for (RecipientStatus status : RecipientStatus.values()) {
			if (!keys.contains("recipientStatus." + status)) {
				missing.add("recipientStatus." + status);
			}
		}
		for (RecipientFilter filter : RecipientFilter.values()) {
			if (!keys.contains("recipientFilter." + filter)) {
				missing.add("recipientFilter." + filter);
			}
		}
		List<String> named = new ArrayList<>();
		for (GapReason reason : GapReason.values()) {
			named.add("crisis.drillReport.gap." + reason);
		}
		for (AnsweredVia via : AnsweredVia.values()) {
			named.add("crisis.drillReport.via." + via);
		}
		for (CheckInStatus status : CheckInStatus.values()) {
			named.add("crisis.drillReport.status." + status);
			named.add("crisis.link.recorded." + status);
		}
		for (CheckInLink.State state : List.of(CheckInLink.State.USED, CheckInLink.State.EXPIRED,
				CheckInLink.State.CLOSED, CheckInLink.State.HELP_ASKED)) {
			named.add("crisis.link." + state);
			named.add("crisis.link." + state + ".heading");
		}
		for (String column : DirectoryImport.COLUMNS) {
			named.add("directoryImport.column." + column);
		}
		named.stream().filter((key) -> !keys.contains(key)).forEach(missing::add);
		assertThat(missing).isEmpty();
	}

	@Test
	void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
		Set<String> english = load(MESSAGES.resolve("messages.properties")).stringPropertyNames();
		try (Stream<Path> bundles = Files.list(MESSAGES)) {
			for (Path bundle : bundles.filter((p) -> p.getFileName().toString().matches("messages_.+\\.properties"))
				.toList()) {
				Set<String> translated = load(bundle).stringPropertyNames();
				assertThat(translated).as(bundle.getFileName().toString()).containsExactlyInAnyOrderElementsOf(english);
			}
		}
	}

	private static void collect(Pattern pattern, String text, Set<String> keys, Set<String> missing) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			if (!keys.contains(matcher.group(1))) {
				missing.add(matcher.group(1));
			}
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(bundle)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
