package io.herald.account;

import java.net.http.HttpResponse;
import java.util.Map;

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
 * Whoever learnt the old password may hold a session: changing it ends every other
 * session of that person (on every instance, since the check reads the database), and
 * keeps the one it was changed in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PasswordChangeSessionsTests implements PostgresIntegrationTest {

	private static final String NEW_PASSWORD = "a perfectly fine passphrase";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void changingOnesPasswordEndsTheOtherSessionsAndKeepsThisOne() {
		String email = FinancePeople.next(this.context).email();
		TestHttp sessionA = new TestHttp(this.port);
		TestHttp sessionB = new TestHttp(this.port);
		sessionA.signIn(email, "herald-demo");
		sessionB.signIn(email, "herald-demo");
		assertThat(sessionB.page("/me").statusCode()).isEqualTo(200);

		String token = TestHttp.csrfToken(sessionA.page("/me").body());
		HttpResponse<String> changed = sessionA.postForm("/me/password", Map.of("_csrf", token, "currentPassword",
				"herald-demo", "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(changed.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/me"));

		assertThat(sessionA.page("/me").statusCode()).isEqualTo(200);
		assertThat(sessionA.page("/").statusCode()).isEqualTo(200);
		HttpResponse<String> ended = sessionB.page("/me");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?ended"));

		TestHttp again = new TestHttp(this.port);
		assertThat(again.signIn(email, NEW_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("/login"));
	}

}
