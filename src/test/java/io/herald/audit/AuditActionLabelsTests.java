package io.herald.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action the code records reads as words in the audit log: each has a message
 * {@code audit.action.<action>}.
 */
class AuditActionLabelsTests {

	// audit.record("x", …) and the "x" : "y" choices written as its first argument.
	private static final Pattern RECORDED = Pattern
		.compile("audit\\.record\\(\\s*(?:[^,\"]*\\?\\s*)?\"([a-z.\\-]+)\"(?:\\s*:\\s*\"([a-z.\\-]+)\")?");

	@Test
	void everyRecordedActionHasWords() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/messages.properties"))) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> recorded = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = RECORDED.matcher(Files.readString(source));
				while (matcher.find()) {
					recorded.add(matcher.group(1));
					if (matcher.group(2) != null) {
						recorded.add(matcher.group(2));
					}
				}
			}
		}
		assertThat(recorded).contains("account.role.granted", "crisis.checklist.ticked", "channel.changed",
				"crisis.drill.opened");
		assertThat(recorded.stream().filter((action) -> !messages.containsKey("audit.action." + action)))
			.as("actions without audit.action.<action> words")
			.isEmpty();
	}

}
