package io.herald.crisis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.shared.InvalidChange.Problem;

/**
 * The placeholders a message template may use, filled in when a plan is activated. An
 * unknown name or a brace left open is refused, naming the field and what is allowed.
 */
public final class Placeholders {

	public static final List<String> KNOWN = List.of("location", "time", "date", "plan", "severity", "lead", "contact");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

	private Placeholders() {
	}

	/**
	 * The names used in a text, in order of first use.
	 */
	public static Set<String> used(String text) {
		Set<String> names = new LinkedHashSet<>();
		if (text != null) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * The text with each known placeholder replaced by its value; unknown names and
	 * placeholders without a value are left as they are.
	 */
	public static String fill(String text, java.util.Map<String, String> values) {
		if (text == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = KNOWN.contains(matcher.group(1)) ? values.get(matcher.group(1)) : null;
			matcher.appendReplacement(filled, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	public static List<Problem> problems(String field, String text) {
		List<Problem> problems = new ArrayList<>();
		if (text == null) {
			return problems;
		}
		for (String name : used(text)) {
			if (!KNOWN.contains(name)) {
				problems.add(new Problem(field, "crisis.template.placeholder.unknown", "{" + name + "}", allowed()));
			}
		}
		String rest = PLACEHOLDER.matcher(text).replaceAll("");
		if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
			problems.add(new Problem(field, "crisis.template.placeholder.unclosed", allowed()));
		}
		return problems;
	}

	public static String allowed() {
		return String.join(", ", KNOWN.stream().map((name) -> "{" + name + "}").toList());
	}

}
