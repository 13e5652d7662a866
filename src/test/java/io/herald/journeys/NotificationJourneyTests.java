package io.herald.journeys;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.Announcements;
import io.herald.announcement.Priority;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import io.herald.support.Notifying;
import io.herald.support.SignedIn;
import io.herald.support.TestChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class NotificationJourneyTests extends BrowserJourney {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Notifications notifications;

	@Autowired
	Announcements announcements;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

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
				new Page.LocatorOptions().setHasText("Fire drill on Friday"));
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
	void anImportantPostShowsInTheInboxAndItsLinkOpensThePost() {
		String email = unusedPerson();
		long me = employeeId(email);
		long channel = channel("Works notices", false);
		subscribe(channel, me);
		String title = "Water off on Thursday " + System.nanoTime();
		long id = SignedIn.as(SignedIn.user(this.users.loadUserByUsername(DemoAccount.COMMS_MANAGER.email())), () -> {
			long draft = this.announcements
				.create(new AnnouncementDraft(channel, title, null, "The water is off from 9 to 11.",
						Priority.IMPORTANT, false, null, Set.of(), Set.of(), null, null, null, 0));
			this.announcements.publish(draft);
			return draft;
		});

		signIn(email);
		open("/notifications");
		Locator entry = this.page.locator("[data-notification]", new Page.LocatorOptions().setHasText(title));
		assertThat(entry.locator("[data-notification-link]")).hasText("Important announcement: " + title);
		entry.locator("[data-notification-link]").click();

		assertThat(this.page).hasURL(Pattern.compile(".*/announcements/" + id + "$"));
		assertThat(heading()).hasText(title);
		open("/notifications");
		assertThat(entry).hasAttribute("data-read", "true");
	}

	@Test
	void aReviewerFollowsTheReviewRequestToThePostAndApprovesIt() {
		long author = employeeId(unusedPerson());
		long reader = employeeId(unusedPerson());
		long channel = channel("Reviewed notices", true);
		TestChannels.of(this.context).members(channel, List.of(), List.of(author));
		subscribe(channel, reader);
		String title = "Car park resurfacing " + System.nanoTime();
		long id = SignedIn.as(SignedIn.employee(author), () -> {
			long draft = this.announcements
				.create(new AnnouncementDraft(channel, title, null, "The car park is closed on Saturday.",
						Priority.INFO, false, null, Set.of(), Set.of(), null, null, null, 0));
			this.announcements.submit(draft);
			return draft;
		});

		signIn(DemoAccount.COMMS_MANAGER);
		open("/notifications");
		Locator entry = this.page.locator("[data-notification]", new Page.LocatorOptions().setHasText(title));
		assertThat(entry.locator("[data-notification-link]")).hasText("Waiting for your review: " + title);
		entry.locator("[data-notification-link]").click();

		assertThat(this.page).hasURL(Pattern.compile(".*/manage/announcements/" + id + "$"));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
		assertThat(this.page.getByText("Approved and published.")).isVisible();
		org.assertj.core.api.Assertions.assertThat(
				this.jdbc.queryForList("select kind from notifications where announcement_id = ? and employee_id = ?",
						String.class, id, author))
			.containsExactly("POST_APPROVED");
	}

	@Test
	void administratorsSeeTheOutbox() {
		signIn(DemoAccount.ADMIN);
		this.page.locator("a[data-nav=outbox]").click();

		assertThat(heading()).hasText("E-mail outbox");
		assertThat(this.page.locator("[data-count=HELD]")).isVisible();
		assertAccessible("/admin/outbox");
	}

	private long employeeId(String email) {
		return this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
	}

	private long channel(String name, boolean requiresReview) {
		String slug = "journey-" + name.toLowerCase().replace(' ', '-') + "-" + System.nanoTime();
		TestChannels channels = TestChannels.of(this.context);
		long id = channels.topic(slug, name).create();
		if (requiresReview) {
			channels.requireReview(id);
		}
		return id;
	}

	// Straight into the table: subscribing through Channels would have LateJoiners hand
	// the reader every post needing acknowledgement they never had.
	private void subscribe(long channel, long employeeId) {
		this.jdbc.update(
				"insert into channel_subscriptions (channel_id, employee_id, subscribed_at) values (?, ?, now())",
				channel, employeeId);
	}

}
