package io.herald.config;

import java.net.http.HttpResponse;

import io.herald.support.FinancePeople;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL refuses NUL in text: a search box or a form field carrying one is a 400,
 * never a 500 from deep inside.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NulParametersTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSearchForNulIsABadRequestOnPagesAndTheApi() {
		String email = FinancePeople.next(this.context).email();
		TestHttp http = new TestHttp(this.port);
		http.signIn(email, "herald-demo");
		assertThat(http.page("/directory?q=ada%00").statusCode()).isEqualTo(400);
		assertThat(http.page("/directory?q=ada").statusCode()).isEqualTo(200);

		HttpResponse<String> api = new TestHttp(this.port).get("/api/v1/employees?q=ada%00", "Authorization",
				TestHttp.basic(email, "herald-demo"));
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("NUL");
	}

}
