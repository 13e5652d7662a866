package io.herald.notification;

import java.util.Map;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.Notifying;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP server (the default: {@code spring.mail.host} empty) e-mails are not
 * dropped: they are HELD and listed for administrators, and sending one again holds it
 * again until a server is configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OutboxWithoutSmtpTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxSender sender;

	@Test
	void withoutAnSmtpServerEmailsAreHeldAndListedForAdministrators() {
		Announcing people = new Announcing(this.jdbc);
		Notifying notifying = new Notifying(this.jdbc, this.transactions, this.notifications);
		Person ada = people.person("Ada");
		Person admin = people.person("Admin", "ADMIN");
		String key = notifying.send(ada.employeeId(), NotificationKind.CRITICAL_POST, "Held, not lost", null, "/feed",
				true);
		assertThat(this.sender.mailConfigured()).isFalse();

		assertThat(this.sender.sendDue()).isZero();

		Map<String, Object> held = notifying.outbox(key);
		assertThat(held.get("status")).isEqualTo("HELD");
		assertThat(held.get("attempts")).isEqualTo(0);
		long id = ((Number) held.get("id")).longValue();
		TestHttp http = admin.signIn(this.port);
		Document page = Jsoup.parse(http.page("/admin/outbox?status=HELD").body());
		assertThat(page.select("[data-no-smtp]").text()).contains("No SMTP server is configured");
		Element row = page.selectFirst("[data-outbox-list] [data-outbox-message=" + id + "]");
		assertThat(row).isNotNull();
		assertThat(row.text()).contains(ada.email(), "Critical announcement", "Held, not lost");

		http.postForm("/admin/outbox/" + id + "/retry", Map.of("_csrf", TestHttp.csrfToken(page.html())));
		assertThat(notifying.status(key)).isEqualTo("PENDING");
		this.sender.sendDue();
		assertThat(notifying.status(key)).isEqualTo("HELD");

		// A message that is not failed or held cannot be sent again.
		this.jdbc.update("update outbox_messages set status = 'SENT' where id = ?", id);
		Document again = Jsoup.parse(http.page("/admin/outbox").body());
		http.postForm("/admin/outbox/" + id + "/retry", Map.of("_csrf", TestHttp.csrfToken(again.html())));
		assertThat(notifying.status(key)).isEqualTo("SENT");
		assertThat(Jsoup.parse(http.page("/admin/outbox").body()).select("[role=alert]").text())
			.contains("neither failed nor held");
	}

}
