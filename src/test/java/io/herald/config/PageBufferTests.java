package io.herald.config;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages stream into the response's buffer as they render ({@link PageBuffer}): a template
 * that fails half way through a long page still ends in the error page, not in half a
 * page under a 200.
 */
@Import(PageBufferTests.LongPage.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageBufferTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aTemplateFailingHalfWayEndsInTheErrorPageNotInHalfAPage() {
		TestHttp http = new TestHttp(this.port);
		http.signIn(FinancePeople.next(this.context).email(), "herald-demo");

		HttpResponse<String> whole = http.page("/test/long-page");
		HttpResponse<String> failed = http.page("/test/long-page?fail=true");

		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).contains("Row 999 of a long page").contains("data-complete");
		assertThat(whole.body().length()).isGreaterThan(4 * 8192);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).contains("data-error=\"500\"").doesNotContain("Row 0 of a long page");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Controller
	static class LongPage {

		@GetMapping("/test/long-page")
		String page(@RequestParam(defaultValue = "false") boolean fail, Model model) {
			List<Integer> rows = IntStream.range(0, 1000).boxed().toList();
			model.addAttribute("rows", rows);
			model.addAttribute("fail", fail);
			return "test/fails-half-way";
		}

	}

}
