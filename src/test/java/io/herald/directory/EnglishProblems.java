package io.herald.directory;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's own English wording of import problems, for tests that run the CSV
 * reader or the planner without Spring: they check the texts people read, not codes.
 */
final class EnglishProblems {

	static final MessageSource MESSAGES = messages();

	private EnglishProblems() {
	}

	static List<ImportProblem> of(List<ImportIssue> issues) {
		return issues.stream().map((issue) -> issue.worded(MESSAGES, Locale.ENGLISH)).toList();
	}

	// Configured as application.properties configures the application's bundle.
	private static MessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
