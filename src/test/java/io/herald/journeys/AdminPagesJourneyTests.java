package io.herald.journeys;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.support.Announcing;
import io.herald.support.Notifying;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An administrator's pages that grow with the organisation — the outbox and one of its
 * e-mails, the audit log, the users list — read well on a desktop and on a phone: no WCAG
 * violations at 1280 and 360 pixels, and nothing makes a phone scroll sideways.
 */
class AdminPagesJourneyTests extends BrowserJourney {

	private static final int PHONE = 360;

	private static final int DESKTOP = 1280;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Test
	void theOutboxAuditLogAndUsersListFitAPhoneAndHaveNoWcagViolations() {
		Announcing people = new Announcing(this.jdbc);
		Announcing.Person reader = people.person("Outboxreader");
		String key = new Notifying(this.jdbc, this.transactions, this.notifications).send(reader.employeeId(),
				NotificationKind.CRITICAL_POST, "A rather long subject line to see that phones wrap it politely",
				"Some detail", "/feed", true);
		this.jdbc.update("update outbox_messages set status = 'FAILED', last_error = ? where idempotency_key = ?",
				"SMTPSendFailedException: 550 5.1.1 mailbox unavailable for a-very-long-address@example.invalid", key);
		long id = this.jdbc.queryForObject("select id from outbox_messages where idempotency_key = ?", Long.class, key);
		signIn(DemoAccount.ADMIN);

		for (String path : List.of("/admin/outbox", "/admin/outbox?status=FAILED&q=outboxreader", "/admin/outbox/" + id,
				"/admin/audit", "/admin/audit?action=account.", "/admin/users", "/admin/users?state=INVITED")) {
			for (int width : List.of(DESKTOP, PHONE)) {
				this.page.setViewportSize(width, 800);
				open(path);
				assertAccessible(path + " at " + width + " px");
				assertNoSidewaysScroll(path, width);
			}
		}
	}

	@Test
	void anAdministratorFindsAFailedEmailAndReadsWhatWasSent() {
		Announcing people = new Announcing(this.jdbc);
		String name = "Mailfinder" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		Announcing.Person reader = people.person(name);
		String key = new Notifying(this.jdbc, this.transactions, this.notifications).notify(reader.employeeId(),
				NotificationKind.REMINDER, "Quarterly safety briefing", "/feed");
		this.jdbc.update("update outbox_messages set status = 'FAILED', last_error = 'Connection refused' "
				+ "where idempotency_key = ?", key);
		signIn(DemoAccount.ADMIN);
		open("/admin/outbox");

		this.page.locator("#status").selectOption("FAILED");
		this.page.locator("#kind").selectOption("REMINDER");
		this.page.locator("#q").fill(name);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();

		assertThat(this.page.locator("[data-outbox-shown]")).hasText("E-mails 1–1 of 1, newest first");
		assertThat(this.page.locator("[data-count=FAILED]")).hasText("1");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarterly safety briefing")).click();

		assertThat(heading()).containsText("Quarterly safety briefing");
		assertThat(this.page.locator("[data-mail-to]")).containsText(reader.email());
		assertThat(this.page.locator("[data-mail-html]")).containsText("Hello " + name);
		assertThat(this.page.locator("[data-mail-text]")).containsText("Quarterly safety briefing");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again")).click();

		assertThat(this.page.locator(".alert-success")).containsText("will be sent again");
		assertThat(this.page.locator("[data-mail-status]")).hasText("Waiting to be sent");
		this.page.locator("[data-outbox-back]").click();
		assertThat(this.page.locator("#q")).hasValue(name);
	}

	@Test
	void anInvitationLinkIsCopiedWithOneClick() {
		this.page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
		Announcing people = new Announcing(this.jdbc);
		String name = "Invitee" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		Announcing.Person invitee = people.person(name);
		this.jdbc.update("update user_accounts set password_hash = null where employee_id = ?", invitee.employeeId());
		this.jdbc.update(
				"insert into account_invitations (account_id, token, expires_at, created_at) "
						+ "select id, ?, current_timestamp + interval '1 day', current_timestamp from user_accounts "
						+ "where employee_id = ?",
				"copy" + UUID.randomUUID().toString().replace("-", ""), invitee.employeeId());
		signIn(DemoAccount.ADMIN);
		open("/admin/users?state=INVITED&q=" + name);
		String link = this.page.locator("[data-invitation-link]").textContent().strip();

		this.page.locator("button[data-copy]").click();

		assertThat(this.page.locator("[data-copied]")).hasText("Copied.");
		org.assertj.core.api.Assertions.assertThat(this.page.evaluate("navigator.clipboard.readText()"))
			.isEqualTo(link);
	}

	private void assertNoSidewaysScroll(String path, int width) {
		Object overflow = this.page
			.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
			.as(path + " scrolls sideways at " + width + " px")
			.isLessThanOrEqualTo(0);
	}

}
