package io.herald.announcement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
			"applet", "style", "link", "meta", "base", "form", "input", "button", "select", "textarea", "svg", "math",
			"template", "noscript", "video", "audio", "source", "details", "marquee");

	// What the renderer's policy allows; anything else reaching the page is a leak.
	static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong",
			"em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th",
			"td", "img");

	static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "background",
			"data", "poster", "cite", "srcset", "lowsrc", "dynsrc", "code", "codebase");

	static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

	static final Pattern PERCENT = Pattern.compile("%([0-9a-fA-F]{2})");

	/**
	 * Where a payload may sit in an announcement: alone, and inside each Markdown
	 * construct the renderer supports.
	 */
	static final List<Context> CONTEXTS = List.of(new Context("alone", (p) -> p),
			new Context("paragraph", (p) -> "Please read this. " + p + " Thank you."),
			new Context("between paragraphs", (p) -> "First paragraph.\n\n" + p + "\n\nLast paragraph."),
			new Context("heading", (p) -> "## " + p), new Context("list item", (p) -> "- one\n- " + p + "\n- three"),
			new Context("ordered list", (p) -> "1. one\n2. " + p), new Context("quote", (p) -> "> " + p),
			new Context("emphasis", (p) -> "**" + p + "** and _" + p + "_"),
			new Context("table cell", (p) -> "| a | b |\n|---|---|\n| " + p + " | x |"),
			new Context("link text", (p) -> "[" + p + "](https://herald.example/)"),
			new Context("link target", (p) -> "[click](" + p + ")"),
			new Context("image source", (p) -> "![alt](" + p + ")"),
			new Context("reference definition", (p) -> "[click][ref]\n\n[ref]: " + p),
			new Context("code span", (p) -> "`" + p + "`"), new Context("code block", (p) -> "```\n" + p + "\n```"),
			new Context("after html block", (p) -> "<div>\n" + p + "\n</div>"));

	@Test
	void headingsRender() {
		Element body = render("# Title\n\n## Section\n\n### Detail");
		assertThat(body.select("h1").text()).isEqualTo("Title");
		assertThat(body.select("h2").text()).isEqualTo("Section");
		assertThat(body.select("h3").text()).isEqualTo("Detail");
	}

	@Test
	void listsRender() {
		Element body = render("- apples\n- pears\n\n3. third\n4. fourth");
		assertThat(body.select("ul > li").eachText()).containsExactly("apples", "pears");
		assertThat(body.select("ol > li").eachText()).containsExactly("third", "fourth");
		assertThat(body.selectFirst("ol").attr("start")).isEqualTo("3");
	}

	@Test
	void tablesRender() {
		Element body = render("| Site | Opens |\n|:-----|------:|\n| Warsaw | 08:00 |\n| Taipei | 09:00 |");
		assertThat(body.select("table thead th").eachText()).containsExactly("Site", "Opens");
		assertThat(body.select("table tbody tr")).hasSize(2);
		assertThat(body.select("table tbody td").eachText()).containsExactly("Warsaw", "08:00", "Taipei", "09:00");
		assertThat(body.select("th").get(1).attr("align")).isEqualTo("right");
	}

	@Test
	void emphasisCodeAndQuotesRender() {
		Element body = render("**bold** _italic_ ~~gone~~ `code`\n\n> quoted\n\n```\nblock\n```");
		assertThat(body.select("strong").text()).isEqualTo("bold");
		assertThat(body.select("em").text()).isEqualTo("italic");
		assertThat(body.select("code").first().text()).isEqualTo("code");
		assertThat(body.select("blockquote").text()).isEqualTo("quoted");
		assertThat(body.select("pre > code").text()).isEqualTo("block");
	}

	@Test
	void externalLinksOpenInANewTabWithoutHandingOverThePage() {
		Element link = render("Read [the policy](https://policies.example.com/travel).").selectFirst("a");
		assertThat(link.attr("href")).isEqualTo("https://policies.example.com/travel");
		assertThat(link.attr("class")).isEqualTo("external-link");
		assertThat(link.attr("target")).isEqualTo("_blank");
		assertThat(Set.of(link.attr("rel").split("\\s+"))).contains("noopener", "noreferrer");
	}

	@Test
	void bareAndProtocolRelativeExternalLinksAreMarkedToo() {
		for (String markdown : List.of("See https://example.com/news today", "[x](//example.com/news)",
				"[x](HTTP://EXAMPLE.COM)", "<https://example.com/a>")) {
			Element link = render(markdown).selectFirst("a");
			assertThat(link).as(markdown).isNotNull();
			assertThat(link.attr("class")).as(markdown).isEqualTo("external-link");
			assertThat(link.attr("target")).as(markdown).isEqualTo("_blank");
			assertThat(link.attr("rel")).as(markdown).contains("noopener").contains("noreferrer");
		}
	}

	@Test
	void internalAndRelativeLinksAreNotMarkedExternal() {
		for (String markdown : List.of("[feed](/feed)", "[post](announcements/42)", "[top](#top)", "[query](?page=2)",
				"[mail](mailto:comms@herald.test)")) {
			Element link = render(markdown).selectFirst("a");
			assertThat(link).as(markdown).isNotNull();
			assertThat(link.hasAttr("href")).as(markdown).isTrue();
			assertThat(link.hasClass("external-link")).as(markdown).isFalse();
			assertThat(link.hasAttr("target")).as(markdown).isFalse();
		}
	}

	@Test
	void rawHtmlIsShownAsTextNotInterpreted() {
		Element body = render("Hello <b>bold</b> and <span style=\"color:red\">red</span>\n\n<div>block</div>");
		assertThat(body.select("b, span, div")).isEmpty();
		assertThat(body.text()).contains("<b>bold</b>")
			.contains("<span style=\"color:red\">red</span>")
			.contains("<div>block</div>");
	}

	@Test
	void imagesKeepOnlySafeSources() {
		Element body = render("![Logo](https://cdn.example.com/logo.png \"Our logo\")");
		Element image = body.selectFirst("img");
		assertThat(image.attr("src")).isEqualTo("https://cdn.example.com/logo.png");
		assertThat(image.attr("alt")).isEqualTo("Logo");
		assertThat(image.attr("title")).isEqualTo("Our logo");
	}

	@Test
	void emptyBodyRendersNothing() {
		assertThat(MarkdownRenderer.toHtml(null)).isEmpty();
		assertThat(MarkdownRenderer.toHtml("  \n ")).isEmpty();
	}

	@Test
	void corpusHoldsTheClassicPayloads() throws IOException {
		assertThat(payloads()).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("payloadsAlone")
	void payloadAloneRendersHarmless(String payload) {
		assertHarmless(payload, MarkdownRenderer.toHtml(payload));
	}

	@ParameterizedTest(name = "[{index}] {1}: {0}")
	@MethodSource("payloadsInMarkdown")
	void payloadEmbeddedInMarkdownRendersHarmless(String payload, String context) {
		String markdown = CONTEXTS.stream()
			.filter((c) -> c.name().equals(context))
			.findFirst()
			.orElseThrow()
			.wrap()
			.apply(payload);
		assertHarmless(markdown, MarkdownRenderer.toHtml(markdown));
	}

	static Stream<String> payloadsAlone() throws IOException {
		return payloads().stream();
	}

	static Stream<Arguments> payloadsInMarkdown() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		for (String payload : payloads()) {
			for (Context context : CONTEXTS) {
				cases.add(Arguments.of(payload, context.name()));
			}
		}
		return cases.stream();
	}

	static List<String> payloads() throws IOException {
		try (InputStream in = MarkdownRendererTests.class.getResourceAsStream("/xss/payloads.txt")) {
			assertThat(in).as("src/test/resources/xss/payloads.txt").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.toList();
		}
	}

	private static void assertHarmless(String markdown, String html) {
		Element body = Jsoup.parseBodyFragment(html).body();
		Elements elements = body.select("*");
		for (Element element : elements) {
			if (element == body) {
				continue;
			}
			String tag = element.normalName();
			assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s%nfrom %s", tag, html, markdown).doesNotContain(tag);
			assertThat(ALLOWED_ELEMENTS).as("element <%s> in %s%nfrom %s", tag, html, markdown).contains(tag);
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute %s in %s%nfrom %s", name, html, markdown)
					.doesNotStartWith("on")
					.isNotIn("style", "srcdoc", "formaction");
				if (URL_ATTRIBUTES.contains(name)) {
					assertThat(scheme(attribute.getValue()))
						.as("%s=\"%s\" in %s%nfrom %s", name, attribute.getValue(), html, markdown)
						.satisfiesAnyOf((scheme) -> assertThat(scheme).isNull(),
								(scheme) -> assertThat(SAFE_SCHEMES).contains(scheme));
				}
			}
		}
	}

	/**
	 * The scheme a browser would see in a URL attribute (entities are already decoded by
	 * the parser), after undoing percent-encoding and dropping the whitespace and control
	 * characters browsers ignore; {@code null} for a relative URL.
	 */
	static String scheme(String url) {
		String decoded = url;
		for (int i = 0; i < 3; i++) {
			decoded = percentDecoded(decoded);
		}
		StringBuilder cleaned = new StringBuilder();
		decoded.codePoints().filter((c) -> c > 0x20 && c != 0x7f).forEach(cleaned::appendCodePoint);
		Matcher matcher = SCHEME.matcher(cleaned.toString().toLowerCase(Locale.ROOT));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String percentDecoded(String text) {
		Matcher matcher = PERCENT.matcher(text);
		StringBuilder decoded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(decoded,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
		}
		matcher.appendTail(decoded);
		return decoded.toString();
	}

	private static Element render(String markdown) {
		return Jsoup.parseBodyFragment(MarkdownRenderer.toHtml(markdown)).body();
	}

	record Context(String name, UnaryOperator<String> wrap) {

	}

	@Test
	void schemeCheckSeesThroughEncodings() {
		assertThat(scheme(" JaVa\tScRiPt:alert(1)")).isEqualTo("javascript");
		assertThat(scheme("%6A%61%76%61%73%63%72%69%70%74:alert(1)")).isEqualTo("javascript");
		assertThat(scheme("https://example.com")).isEqualTo("https");
		assertThat(scheme("/feed?x=a:b")).isNull();
		assertThat(scheme("announcements/42")).isNull();
	}

}
