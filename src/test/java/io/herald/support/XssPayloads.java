package io.herald.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The XSS corpus in {@code xss/payloads.txt} and the one check every test applies to HTML
 * that shows them: no script, frame, object or style element, no event handler attribute,
 * no script-bearing URL.
 */
public final class XssPayloads {

	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "frame", "object", "embed",
			"style", "base", "meta", "link", "form", "svg", "math", "template");

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
			"data", "background", "srcset", "poster");

	private static final Pattern SCRIPT_URL = Pattern.compile("^(javascript|vbscript|data):.*", Pattern.DOTALL);

	private XssPayloads() {
	}

	/**
	 * Every payload, with {@code \n} turned into line breaks.
	 */
	public static List<String> load() {
		try (InputStream in = XssPayloads.class.getResourceAsStream("/xss/payloads.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> payloads = new ArrayList<>();
			for (String line : text.split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					payloads.add(line.replace("\\n", "\n"));
				}
			}
			return payloads;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What is dangerous inside some rendered content; empty when it is safe.
	 */
	public static List<String> dangersIn(Element content) {
		List<String> dangers = new ArrayList<>();
		for (Element element : content.getAllElements()) {
			if (FORBIDDEN_ELEMENTS.contains(element.normalName())) {
				dangers.add("<" + element.normalName() + "> element: " + element.outerHtml());
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				if (name.startsWith("on")) {
					dangers.add("event handler " + name + " on <" + element.normalName() + ">");
				}
				if (name.equals("style")) {
					dangers.add("style attribute on <" + element.normalName() + ">");
				}
				if (URL_ATTRIBUTES.contains(name) && isScriptUrl(attribute.getValue())) {
					dangers.add("script URL in " + name + ": " + attribute.getValue());
				}
			}
		}
		return dangers;
	}

	private static boolean isScriptUrl(String url) {
		// Browsers ignore control characters and whitespace inside a scheme.
		String squeezed = url.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
		return SCRIPT_URL.matcher(squeezed).matches();
	}

}
