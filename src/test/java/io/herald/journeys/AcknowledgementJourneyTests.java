package io.herald.journeys;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.herald.support.TestChannels;
import io.herald.tracking.DeliveryCounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Employees acknowledge a critical post from the banner on every page, and important ones
 * from the post and from their feed; the communications manager's tracking page then
 * counts them, lists who still owes it, and reminds them.
 */
class AcknowledgementJourneyTests extends BrowserJourney {

	private static final String ACKNOWLEDGE = "I have read and understood";

	@Autowired
	DeliveryCounts counts;

	@Autowired
	ApplicationContext context;

	@Test
	void anEmployeeAcknowledgesFromTheCriticalBannerAndTheManagerSeesItCountedAndRemindsTheRest() {
		String acknowledging = unusedPerson();
		String waiting = unusedPerson();
		String title = "Gas leak in building C " + System.nanoTime();
		long post = publish(topic(), "CRITICAL", title, Duration.ofHours(2), acknowledging, waiting);

		signIn(acknowledging);
		open("/directory");
		Locator banner = this.page.locator("[data-critical-banner]")
			.filter(new Locator.FilterOptions().setHasText(title));
		assertThat(banner).isVisible();
		banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ACKNOWLEDGE)).click();

		assertThat(this.page).hasURL(Pattern.compile(".*/directory$"));
		assertThat(this.page.locator(".alert-success")).hasText("Thank you: your acknowledgement is recorded.");
		assertThat(banner).hasCount(0);
		signOut();

		signIn(DemoAccount.COMMS_MANAGER);
		String tracking = "/manage/announcements/" + post + "/tracking";
		open(tracking);
		assertThat(heading()).hasText("Tracking: " + title);
		assertThat(figure("recipients")).hasText("2");
		assertThat(figure("read")).hasText("1 (50%)");
		assertThat(figure("acknowledged")).hasText("1 (50%)");
		assertThat(figure("onTime")).hasText("1 (50%)");
		assertThat(figure("overdue")).hasText("0 (0%)");
		assertAccessible(tracking);
		this.page.locator("#status").selectOption("NOT_ACKNOWLEDGED");
		button("Show").click();
		assertThat(this.page.locator("table[data-recipients] tbody tr")).hasCount(1);
		assertThat(this.page.locator("table[data-recipients] tbody tr")).hasAttribute("data-recipient-status",
				"UNREAD");

		button("Remind the non-acknowledgers now").click();
		assertThat(this.page.locator("[data-reminded]")).hasText("Reminder sent to 1 person still to acknowledge.");
		assertThat(button("Remind the non-acknowledgers now")).isDisabled();
		assertThat(this.page.locator("[data-remind-again]")).containsText("the next one at");
		assertAccessible(tracking + " (reminded)");
	}

	@Test
	void anEmployeeAcknowledgesFromThePostAndFromTheFeedAndTheDeskLinksToTheUpdatedNumbers() {
		String person = unusedPerson();
		long channel = topic();
		String slug = this.jdbc.queryForObject("select slug from channels where id = ?", String.class, channel);
		String policy = "Updated travel policy " + System.nanoTime();
		long fromPost = publish(channel, "IMPORTANT", policy, Duration.ofDays(3), person);
		long fromFeed = publish(channel, "IMPORTANT", "New expense rules " + System.nanoTime(), Duration.ofDays(3),
				person);

		signIn(person);
		open("/announcements/" + fromPost);
		assertAccessible("/announcements/" + fromPost);
		this.page.locator("[data-acknowledgement]")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ACKNOWLEDGE))
			.click();
		assertThat(this.page.locator(".alert-success")).hasText("Thank you: your acknowledgement is recorded.");
		assertThat(this.page.locator("[data-ack-state=acknowledged]")).isVisible();
		assertThat(this.page.locator("form[data-ack-form]")
			.filter(new Locator.FilterOptions().setHas(this.page.locator("[data-acknowledgement]")))).hasCount(0);

		open("/feed?channel=" + slug);
		assertAccessible("/feed?channel=" + slug);
		Locator item = this.page.locator("article[data-announcement-id='" + fromFeed + "']");
		item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ACKNOWLEDGE)).click();
		assertThat(this.page).hasURL(Pattern.compile(".*/feed\\?channel=" + slug + "$"));
		assertThat(item.locator("[data-acknowledged]")).isVisible();
		assertThat(item.getByRole(AriaRole.BUTTON)).hasCount(0);
		signOut();

		signIn(DemoAccount.COMMS_MANAGER);
		open("/manage/announcements?list=PUBLISHED&q=" + policy.replace(' ', '+'));
		this.page.locator("tr[data-announcement-id='" + fromPost + "'] a[data-tracking-link]").click();
		assertThat(heading()).hasText("Tracking: " + policy);
		assertThat(figure("recipients")).hasText("1");
		assertThat(figure("acknowledged")).hasText("1 (100%)");
		assertThat(this.page.locator("[data-remind-unavailable]"))
			.hasText("Everyone has acknowledged: there is nobody to remind.");
		assertThat(this.page.locator("table[data-recipients] tbody tr")).hasAttribute("data-recipient-status",
				"ACKNOWLEDGED");
	}

	private long topic() {
		return TestChannels.of(this.context)
			.topic("acks-" + System.nanoTime(), "Acknowledgements " + System.nanoTime())
			.create();
	}

	/**
	 * A post that went out a minute ago to these demo people, asking them to acknowledge
	 * within {@code due}; its counters counted as publishing does.
	 */
	private long publish(long channel, String priority, String title, Duration due, String... recipients) {
		long author = this.jdbc.queryForObject("select id from employees where email = ?", Long.class,
				DemoAccount.COMMS_MANAGER.email());
		Instant published = Instant.now().minusSeconds(60);
		long id = this.jdbc.queryForObject(
				"insert into announcements (channel_id, author_id, title, body, priority, "
						+ "status, ack_required, ack_due_at, published_at, recipients, created_at, updated_at) "
						+ "values (?, ?, ?, ?, ?, 'PUBLISHED', true, ?, ?, ?, ?, ?) returning id",
				Long.class, channel, author, title, "Please read **all** of it.", priority,
				Timestamp.from(published.plus(due)), Timestamp.from(published), recipients.length,
				Timestamp.from(published), Timestamp.from(published));
		for (String email : recipients) {
			this.jdbc.update(
					"insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
							+ "department_id, location_id) select ?, e.id, ?, ?, e.department_id, e.location_id "
							+ "from employees e where e.email = ?",
					id, Timestamp.from(published), Timestamp.from(published), email);
		}
		this.counts.recount(List.of(id));
		return id;
	}

	private Locator figure(String name) {
		return this.page.locator("[data-figure=" + name + "]");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void signOut() {
		button("Sign out").click();
		assertThat(this.page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

}
