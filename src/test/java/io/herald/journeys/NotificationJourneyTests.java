package io.herald.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.support.Notifying;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class NotificationJourneyTests extends BrowserJourney {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Test
	void anEmployeeFollowsANotificationFromTheInboxAndTheCountDrops() {
		String email = unusedPerson();
		long me = this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
		new Notifying(this.jdbc, this.transactions, this.notifications).notify(me, NotificationKind.REMINDER,
				"Fire drill on Friday", "/channels");
		long unread = this.jdbc.queryForObject(
				"select count(*) from notifications where employee_id = ? and read_at is null", Long.class, me);
		signIn(email);
		Locator count = this.page.locator("a[data-nav=notifications] [data-unread-notifications] [aria-hidden=true]");
		assertThat(count).hasText(String.valueOf(unread));

		this.page.locator("a[data-nav=notifications]").click();
		assertThat(heading()).hasText("Notifications");
		assertAccessible("/notifications");
		Locator entry = this.page.locator("[data-notification]",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Fire drill on Friday"));
		assertThat(entry).hasAttribute("data-read", "false");
		entry.locator("[data-notification-link]").click();

		assertThat(this.page).hasURL(Pattern.compile(".*/channels$"));
		if (unread > 1) {
			assertThat(count).hasText(String.valueOf(unread - 1));
		}
		else {
			assertThat(count).hasCount(0);
		}
		open("/notifications");
		assertThat(entry).hasAttribute("data-read", "true");
	}

	@Test
	void administratorsSeeTheOutbox() {
		signIn(DemoAccount.ADMIN);
		this.page.locator("a[data-nav=outbox]").click();

		assertThat(heading()).hasText("E-mail outbox");
		assertThat(this.page.locator("[data-count=HELD]")).isVisible();
		assertAccessible("/admin/outbox");
	}

}
