package io.herald.announcement;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.modulith.NamedInterface;

/**
 * Turns an announcement's Markdown into HTML that is safe to show: commonmark parses it
 * (raw HTML escaped, unsafe link schemes dropped), then the OWASP sanitiser keeps only an
 * allow-list of elements and attributes. Links to other sites are marked external and
 * open without handing over the page. Public so other modules render staff-written
 * Markdown the same way.
 */
@NamedInterface("api")
public final class MarkdownRenderer {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.attributeProviderFactory((context) -> MarkdownRenderer::linkAttributes)
		.build();

	private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?:)?//.*");

	private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
				"blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "img")
		.allowUrlProtocols(SAFE_SCHEMES.toArray(String[]::new))
		.allowAttributes("href")
		.onElements("a")
		.allowAttributes("class")
		.matching(Pattern.compile("external-link"))
		.onElements("a")
		.allowAttributes("target")
		.matching(Pattern.compile("_blank"))
		.onElements("a")
		.allowAttributes("src", "alt", "title")
		.onElements("img")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,6}"))
		.onElements("ol")
		.allowAttributes("align")
		.matching(Pattern.compile("left|right|center"))
		.onElements("th", "td")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private MarkdownRenderer() {
	}

	/**
	 * Safe HTML for Markdown written by staff; other modules use it for their own texts.
	 */
	public static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		Node document = PARSER.parse(markdown);
		return POLICY.sanitize(RENDERER.render(document));
	}

	private static void linkAttributes(Node node, String tagName, Map<String, String> attributes) {
		if (node instanceof Link && isExternal(attributes.get("href"))) {
			attributes.put("class", "external-link");
			attributes.put("target", "_blank");
			attributes.put("rel", "noopener noreferrer");
		}
	}

	private static boolean isExternal(String href) {
		if (href == null || !EXTERNAL.matcher(href).matches()) {
			return false;
		}
		try {
			URI uri = URI.create(href.startsWith("//") ? "https:" + href : href);
			return uri.getHost() != null && !uri.getHost().toLowerCase(Locale.ROOT).isEmpty();
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
