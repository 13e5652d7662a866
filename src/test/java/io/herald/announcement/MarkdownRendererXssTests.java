package io.herald.announcement;

import java.util.List;

import io.herald.support.XssPayloads;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever an author writes, the rendered Markdown carries no script: no script-capable
 * element, no event handler, no javascript:, vbscript: or data: URL.
 */
class MarkdownRendererXssTests {

	static List<String> payloads() {
		return XssPayloads.load();
	}

	@ParameterizedTest
	@MethodSource("payloads")
	void renderedMarkdownCarriesNoScript(String payload) {
		String html = MarkdownRenderer.toHtml(payload);
		Element body = Jsoup.parseBodyFragment(html).body();
		assertThat(XssPayloads.dangersIn(body)).as(html).isEmpty();
	}

}
