package io.herald.journeys;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A communications manager drafts a post for Warsaw on a channel that needs review and
 * schedules it; a second manager approves it; the scheduler publishes it when its time
 * comes; Warsaw reads it, London never sees it.
 */
class AnnouncementAuthoringJourneyTests extends BrowserJourney {

	private static final long PUBLISHING_DEADLINE_MS = 40_000;

	@Test
	void aReviewedPostForWarsawIsPublishedOnTimeAndReachesOnlyWarsaw() {
		long channel = companyChannelWithReview();
		String title = "Warsaw office: lift maintenance " + System.nanoTime();

		long id = draftAndSubmit(channel, title);
		approveAsSecondManager(id);
		timePassesUntilPublished(id);

		readInWarsaw(id, title);
		neverSeenInLondon(id);
	}

	@Test
	void theDeskAndCalendarPagesHaveNoWcagViolations() {
		long channel = companyChannelWithReview();
		long author = this.jdbc.queryForObject("select id from employees where email = ?", Long.class,
				DemoAccount.COMMS_MANAGER.email());
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"insert into announcements (channel_id, author_id, title, body, priority, status, "
						+ "scheduled_at, created_at, updated_at) values (?, ?, ?, ?, 'CRITICAL', 'SCHEDULED', ?, ?, ?)",
				channel, author, "Fire drill " + System.nanoTime(), "Meet at **assembly point B**.",
				Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)), now, now);
		long scheduled = this.jdbc.queryForObject("select max(id) from announcements where author_id = ?", Long.class,
				author);
		signIn(DemoAccount.COMMS_MANAGER);
		open("/manage/announcements/new");
		this.page.locator("#title").fill("Accessible draft");
		this.page.locator("#body").fill("# Heading\n\nSome *words*.");
		this.page.locator("#channelId").selectOption(Long.toString(channel));
		assertThat(this.page.locator("#audience [data-audience-summary]")).containsText("Reaches");
		button("Preview").click();
		assertThat(this.page.locator("[data-markdown-preview] h1")).hasText("Heading");
		assertAccessible("/manage/announcements/new (preview)");
		button("Save draft").click();
		assertThat(this.page.locator(".alert-success")).isVisible();
		String draft = this.page.url().replaceAll(".*/manage/announcements/", "");
		for (String path : List.of("/manage/announcements", "/manage/announcements?list=SCHEDULED",
				"/manage/announcements/" + draft, "/manage/announcements/" + draft + "/edit",
				"/manage/announcements/" + scheduled, "/manage/calendar", "/manage/calendar?view=week")) {
			open(path);
			assertAccessible(path);
		}
	}

	private long draftAndSubmit(long channel, String title) {
		signIn(DemoAccount.COMMS_MANAGER);
		open("/manage/announcements");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New announcement")).click();
		this.page.locator("#title").fill(title);
		this.page.locator("#body").fill("The **north lift** is out of service on Saturday.");
		this.page.locator("#priority").selectOption("IMPORTANT");
		this.page.locator("#channelId").selectOption(Long.toString(channel));
		this.page.locator("#locationIds").selectOption(new SelectOption().setLabel("Warsaw"));
		assertThat(this.page.locator("#audience [data-audience-summary]"))
			.hasText(Pattern.compile("Reaches [\\d,]+ people in Warsaw"));
		ZoneId zone = ZoneId.of(this.jdbc.queryForObject("select time_zone from employees where email = ?",
				String.class, DemoAccount.COMMS_MANAGER.email()));
		this.page.locator("#scheduledAt")
			.fill(LocalDateTime.now(zone).plusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
		button("Save draft").click();

		assertThat(this.page.locator(".alert-success")).hasText("The announcement is saved.");
		assertThat(heading()).hasText(title);
		assertThat(this.page.locator("[data-audience-summary]")).containsText("Reaches");
		long id = Long
			.parseLong(this.page.locator("section[data-announcement-id]").getAttribute("data-announcement-id"));
		assertThat(button("Publish now")).hasCount(0);

		button("Submit for review").click();
		assertThat(status()).hasText("In review");
		// Authors cannot approve their own posts: the button is not offered.
		assertThat(button("Approve")).hasCount(0);
		signOut();
		return id;
	}

	private void approveAsSecondManager(long id) {
		String reviewer = unusedPerson();
		this.jdbc.update("insert into account_roles (account_id, role) select a.id, 'COMMS_MANAGER' "
				+ "from user_accounts a join employees e on e.id = a.employee_id where e.email = ?", reviewer);
		signIn(reviewer);
		open("/manage/announcements?list=REVIEW");
		this.page.locator("tr[data-announcement-id='" + id + "'] a").click();
		button("Approve").click();

		assertThat(this.page.locator(".alert-success"))
			.hasText("Approved; it will be published at its scheduled time.");
		assertThat(status()).hasText("Scheduled");
	}

	private void timePassesUntilPublished(long id) {
		this.jdbc.update("update announcements set scheduled_at = current_timestamp - interval '1 second' where id = ?",
				id);
		long deadline = System.currentTimeMillis() + PUBLISHING_DEADLINE_MS;
		while (true) {
			this.page.reload();
			try {
				assertThat(status()).hasText("Published", new LocatorAssertions.HasTextOptions().setTimeout(2_000));
				break;
			}
			catch (AssertionFailedError notYet) {
				if (System.currentTimeMillis() > deadline) {
					throw notYet;
				}
			}
		}
		signOut();
	}

	private void readInWarsaw(long id, String title) {
		signIn(unusedPersonIn("Warsaw"));
		open("/feed");
		Locator item = this.page.locator("article[data-announcement-id='" + id + "']");
		assertThat(item).hasAttribute("data-read", "false");
		item.locator("a[href='/announcements/" + id + "']").first().click();
		assertThat(heading()).hasText(title);
		open("/feed");
		assertThat(item).hasAttribute("data-read", "true");
		signOut();
	}

	private void neverSeenInLondon(long id) {
		signIn(unusedPersonIn("London"));
		open("/feed");
		assertThat(this.page.locator("article[data-announcement-id='" + id + "']")).hasCount(0);
		Response answer = open("/announcements/" + id);
		org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(404);
	}

	/**
	 * The company-wide channel that needs review (the demo organisation has it; this
	 * makes sure of it where it does not yet).
	 */
	private long companyChannelWithReview() {
		this.jdbc.update(
				"insert into channels (slug, name, kind, requires_review, created_at) "
						+ "select 'company', 'Herald Company', 'COMPANY', true, ? "
						+ "where not exists (select 1 from channels where slug = 'company')",
				Timestamp.from(Instant.now()));
		return this.jdbc.queryForObject("select id from channels where slug = 'company'", Long.class);
	}

	private Locator status() {
		return this.page.locator("[data-status]");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void signOut() {
		button("Sign out").click();
		assertThat(this.page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

}
