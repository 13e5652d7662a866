package io.herald.journeys;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.herald.notification.OutboxDriver;
import io.herald.support.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A crisis as people live it, with a real SMTP server catching Herald's e-mails: a comms
 * manager activates the Warsaw fire plan after a confirmation step that says how many it
 * reaches; one Warsaw employee checks in safe from the banner, another finds the alert on
 * top of the feed, says they need help and is on top of the roster, a third checks in
 * from the e-mail's link without signing in; the manager posts an update from the form
 * below the roster, which reaches the third by e-mail, confirms and resolves with the
 * all-clear (which reaches them too) and reads the after-action report's timeline. A
 * drill is marked DRILL everywhere and has its drill report.
 */
class CrisisIncidentJourneyTests extends BrowserJourney {

	static final int SMTP_PORT = SmtpServer.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = SmtpServer.on(SMTP_PORT).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		SmtpServer.pointHeraldAt(SMTP_PORT, registry);
	}

	@Autowired
	ApplicationContext context;

	@Test
	void warsawIsAlertedChecksInFromTheBannerAndTheEmailLinkAndTheManagerResolves() throws Exception {
		String safe = unusedPersonIn("Warsaw");
		String needsHelp = unusedPersonIn("Warsaw");
		String byMail = unusedPersonIn("Warsaw");
		long safeId = employeeId(safe);
		long needsHelpId = employeeId(needsHelp);
		long byMailId = employeeId(byMail);
		String title = "Fire alarm in the Warsaw office " + System.nanoTime();

		signIn(DemoAccount.COMMS_MANAGER);
		this.page.locator("a[data-nav=crisis]").click();
		this.page.locator("tr[data-plan]")
			.filter(new Locator.FilterOptions().setHasText("Fire and evacuation: Warsaw office"))
			.getByRole(AriaRole.LINK)
			.first()
			.click();
		this.page.locator("a[data-action=activate]").click();

		assertThat(heading()).hasText("Activate Fire and evacuation: Warsaw office");
		Locator alertTitle = this.page.getByLabel("Alert title");
		assertThat(alertTitle).hasValue("Fire alarm at Warsaw: leave the building now");
		assertThat(this.page.getByLabel("Warsaw", new Page.GetByLabelOptions().setExact(true))).isChecked();
		// Before sending: how many people it reaches, by the rule the fan-out follows.
		long inWarsaw = this.jdbc.queryForObject("select count(*) from employees e join locations l "
				+ "on l.id = e.location_id where l.name = 'Warsaw' and e.active = true", Long.class);
		assertThat(this.page.locator("[data-reach]")).hasText("The alert reaches " + inWarsaw + " people.");
		assertAccessible("/crisis/plans/{id}/activate");
		alertTitle.fill(title);
		button("Send the alert now").click();

		assertThat(heading()).hasText(title);
		assertThat(this.page.locator(".alert-success")).hasText("The incident is open and the alert has gone out.");
		assertThat(this.page.locator("[data-count=recipients]")).hasText(Long.toString(inWarsaw));
		assertThat(this.page.locator("[data-count=safe]")).hasText("0");
		String incident = this.page.url();
		assertAccessible("/crisis/incidents/{id}");
		signOut();

		signIn(safe);
		open("/directory");
		Locator banner = banner(title);
		assertThat(banner).isVisible();
		assertAccessible("/directory (crisis banner)");
		banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I'm safe")).click();

		assertThat(this.page).hasURL(Pattern.compile(".*/directory$"));
		assertThat(this.page.locator(".alert-success")).hasText("Thank you: your answer is recorded.");
		assertThat(banner).hasCount(0);
		signOut();

		// On a phone: the check-in buttons are full size, as wide as the screen.
		this.page.setViewportSize(360, 740);
		signIn(needsHelp);
		open("/feed");
		for (Locator answer : java.util.List.of(banner(title).locator("[data-check-in=NEED_HELP]"),
				this.page.locator("article.herald-feed-item").first().locator("[data-check-in=SAFE]"))) {
			var box = answer.boundingBox();
			org.assertj.core.api.Assertions.assertThat(box.height).isGreaterThanOrEqualTo(44);
			org.assertj.core.api.Assertions.assertThat(box.width).isGreaterThan(360 * 0.75);
		}
		// The alert is on top of the feed while the incident is open, asking for a
		// check-in.
		Locator first = this.page.locator("article.herald-feed-item").first();
		assertThat(first).containsText(title);
		assertThat(first.locator("[data-pinned]")).isVisible();
		assertThat(first.locator("[data-check-in-asked]")).hasText("Are you safe? Please check in.");
		assertThat(first.locator("[data-ack-due]")).hasCount(0);
		banner(title).locator("input[name=note]").fill("Twisted ankle in stairwell B");
		banner(title).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I need help")).click();
		assertThat(this.page.locator(".alert-success")).hasText("Thank you: your answer is recorded.");
		signOut();
		this.page.setViewportSize(1280, 720);

		// The third opens the alert's e-mail and answers from it, never signing in.
		OutboxDriver.sendDue(this.context);
		URI safeLink = URI.create(mailAction(byMail, title, "I'm safe"));
		open(safeLink.getRawPath() + "?" + safeLink.getRawQuery());
		assertThat(heading()).containsText("Safety check-in for");
		assertThat(this.page.locator("a[data-nav=me]")).hasCount(0);
		assertAccessible("/check-in/{token}");
		button("I'm safe").click();
		assertThat(this.page.locator("[data-answered]")).hasText("Your answer is recorded: you are safe.");
		open(safeLink.getRawPath());
		assertThat(heading()).hasText("This check-in link has been used");

		signIn(DemoAccount.COMMS_MANAGER);
		open(incident);
		assertThat(this.page.locator("[data-count=safe]")).hasText("2");
		assertThat(this.page.locator("[data-count=needHelp]")).hasText("1");
		Locator firstInNeed = this.page.locator("table[data-need-help] tbody tr").first();
		assertThat(firstInNeed).hasAttribute("data-person", Long.toString(needsHelpId));
		assertThat(firstInNeed).containsText("Twisted ankle in stairwell B");
		assertThat(this.page.locator("[data-safe] li[data-person='" + safeId + "']")).isVisible();
		assertThat(this.page.locator("[data-safe] li[data-person='" + byMailId + "']")).isVisible();
		assertThat(this.page.locator("[data-no-response] li[data-person='" + safeId + "']")).hasCount(0);
		// Who needs help, then the rest of the roster, then the update form.
		double needHelpTop = this.page.locator("[data-need-help-section]").boundingBox().y;
		double countsTop = this.page.locator("[data-counts]").boundingBox().y;
		double formTop = this.page.locator("form[data-update-form]").boundingBox().y;
		org.assertj.core.api.Assertions.assertThat(needHelpTop).isLessThan(countsTop);
		org.assertj.core.api.Assertions.assertThat(countsTop).isLessThan(formTop);

		Locator update = this.page.locator("form[data-update-form]");
		update.getByLabel("Title").fill("Fire brigade on site");
		update.getByLabel("Message").fill("Stay at the assembly point until the all-clear.");
		button("Send the update").click();
		assertThat(this.page.locator(".alert-success")).hasText("The update has gone out.");
		assertThat(this.page.locator("[data-timeline] li[data-kind=UPDATE]")).containsText("Fire brigade on site");

		// The update reached the person who only has their e-mail.
		OutboxDriver.sendDue(this.context);
		org.assertj.core.api.Assertions.assertThat(mailTo(byMail, "Fire brigade on site").getSubject())
			.isEqualTo("CRITICAL: Fire brigade on site");

		// Resolving asks first, showing the all-clear and whom it reaches.
		link("Resolve and send the all-clear").click();
		assertThat(heading()).hasText("Resolve " + title);
		assertThat(this.page.locator("[data-reach]"))
			.hasText("It goes to the " + inWarsaw + " people the alert reached.");
		assertThat(this.page.getByLabel("All-clear title")).hasValue("All clear at Warsaw");
		assertAccessible("/crisis/incidents/{id}/resolve");
		String allClear = "All clear at Warsaw " + System.nanoTime();
		this.page.getByLabel("All-clear title").fill(allClear);
		button("Send the all-clear and resolve").click();
		assertThat(this.page.locator(".alert-success"))
			.hasText("The incident is resolved: the all-clear has gone out and check-ins are closed.");
		assertThat(this.page.locator("[data-incident-status]")).containsText("Resolved");
		assertThat(this.page.locator("[data-after-action]")).containsText("Time to 50 % checked in");
		assertAccessible("/crisis/incidents/{id} (resolved)");
		OutboxDriver.sendDue(this.context);
		org.assertj.core.api.Assertions.assertThat(SmtpServer.parts(mailTo(byMail, allClear)).get("text/plain"))
			.contains("The building at Warsaw is safe again since");

		this.page.locator("a[data-action=report]").click();
		assertThat(heading()).hasText("After-action report: " + title);
		assertThat(this.page.locator("[data-report-need-help]")).containsText("Twisted ankle in stairwell B");
		Locator timeline = this.page.locator("[data-report] [data-timeline]");
		assertThat(timeline.locator("li[data-kind=OPENED]")).hasCount(1);
		assertThat(timeline.locator("li[data-kind=UPDATE]")).containsText("Fire brigade on site");
		assertThat(timeline.locator("li[data-kind=RESOLVED]")).hasCount(1);
		assertAccessible("/crisis/incidents/{id}/report");
		open("/crisis");
		assertThat(this.page.locator("[data-incidents] table")).containsText(title);
	}

	@Test
	void aDrillIsMarkedDrillAndReportsWhoEachMediumCouldReach() {
		String inKrakow = unusedPersonIn("Kraków");

		signIn(DemoAccount.COMMS_MANAGER);
		this.page.locator("a[data-nav=crisis]").click();
		this.page.locator("tr[data-plan]")
			.filter(new Locator.FilterOptions().setHasText("Power cut: any office"))
			.getByRole(AriaRole.LINK)
			.first()
			.click();
		this.page.locator("a[data-action=activate]").click();
		this.page.getByLabel("Everyone").uncheck();
		this.page.getByLabel("Kraków", new Page.GetByLabelOptions().setExact(true)).check();
		this.page.getByLabel("This is a drill: mark every message DRILL").check();
		button("Fill in the alert for this scope").click();
		assertThat(this.page.getByLabel("Alert title")).hasValue("Power cut at Kraków");
		assertThat(this.page.getByLabel("This is a drill: mark every message DRILL")).isChecked();
		button("Send the alert now").click();

		assertThat(heading()).hasText(Pattern.compile("^DRILL: Power cut at Kraków"));
		assertThat(this.page.locator("[data-incident-status] [data-drill]")).hasText("Drill");
		String drill = this.page.url();
		String recipients = this.page.locator("[data-count=recipients]").textContent().strip();
		signOut();

		signIn(inKrakow);
		assertThat(this.page.locator("[data-critical-banner]")).containsText("DRILL: Power cut at Kraków");
		signOut();

		signIn(DemoAccount.COMMS_MANAGER);
		open(drill);
		this.page.locator("a[data-action=drill-report]").click();
		assertThat(heading()).hasText(Pattern.compile("^Drill report: DRILL: Power cut at Kraków"));
		Locator reach = this.page.locator("table[data-drill-reach]");
		// Everyone alerted has the app, but for those the report names as having left or
		// having no account (other tests add such people to Kraków in this database).
		int withoutApp = this.page
			.locator("table[data-drill-gaps] tr[data-person]:has([data-gap=LEFT]), "
					+ "table[data-drill-gaps] tr[data-person]:has([data-gap=NO_ACCOUNT])")
			.count();
		assertThat(reach.locator("tr[data-medium=IN_APP] td").first())
			.hasText(Integer.toString(Integer.parseInt(recipients.replaceAll("\\D", "")) - withoutApp));
		assertThat(reach.locator("tr[data-medium=EMAIL]")).isVisible();
		assertThat(reach.locator("tr[data-medium=MOBILE]")).isVisible();
		assertThat(this.page.locator("[data-email-waiting]")).containsText("not gone out yet");
		assertAccessible("/crisis/incidents/{id}/drill-report");

		open(drill);
		link("Resolve and send the all-clear").click();
		assertThat(heading()).hasText(Pattern.compile("^Resolve DRILL: Power cut at Kraków"));
		button("Send the all-clear and resolve").click();
		assertThat(this.page.locator("[data-incident-status]")).containsText("Resolved");
		open("/crisis");
		assertThat(this.page.locator("[data-drills] table")).containsText("DRILL: Power cut at Kraków");
		assertThat(this.page.locator("[data-incidents]")).not().containsText("DRILL: Power cut at Kraków");
	}

	private Locator banner(String title) {
		return this.page.locator("[data-critical-banner]").filter(new Locator.FilterOptions().setHasText(title));
	}

	/**
	 * The link of an answer button in the alert's e-mail to this person, waiting for the
	 * e-mail to arrive.
	 */
	private String mailAction(String email, String title, String label) throws MessagingException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Optional<MimeMessage> alert = Arrays.stream(smtp.getReceivedMessagesForDomain(email))
				.filter((mail) -> subject(mail).contains(title))
				.findFirst();
			if (alert.isPresent()) {
				String html = SmtpServer.parts(alert.get()).get("text/html");
				Element button = Jsoup.parse(html)
					.select("[data-mail-actions] a")
					.stream()
					.filter((a) -> a.text().equals(label))
					.findFirst()
					.orElseThrow(() -> new AssertionError("No '" + label + "' button in the e-mail"));
				return button.attr("href");
			}
			smtp.waitForIncomingEmail(500, 1);
		}
		throw new AssertionError("No alert e-mail reached " + email);
	}

	/**
	 * The e-mail to this person whose subject names {@code title}, waiting for it.
	 */
	private MimeMessage mailTo(String email, String title) throws MessagingException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Optional<MimeMessage> found = Arrays.stream(smtp.getReceivedMessagesForDomain(email))
				.filter((mail) -> subject(mail).contains(title))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			smtp.waitForIncomingEmail(500, 1);
		}
		throw new AssertionError("No e-mail about '" + title + "' reached " + email);
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private long employeeId(String email) {
		return this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
	}

	private Locator link(String name) {
		return this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void signOut() {
		button("Sign out").click();
		assertThat(this.page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

}
