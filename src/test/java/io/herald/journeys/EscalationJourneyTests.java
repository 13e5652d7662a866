package io.herald.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.herald.support.Announcing;
import io.herald.support.Escalating;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Reminders and escalations as people meet them: a manager finds a report's overdue
 * acknowledgement on their team page and nudges them; an administrator gives a channel
 * its own policy, has a step before publishing refused with its reason, and saves a
 * sensible change.
 */
class EscalationJourneyTests extends BrowserJourney {

	@Autowired
	ApplicationContext context;

	@Test
	void aManagerSeesAnOverdueReportOnTheTeamPageAndNudgesThem() {
		Escalating data = new Escalating(this.context);
		Announcing.Person manager = new Announcing(this.jdbc).person("Teamlead");
		long report = data.person("Zofia", "Europe/Warsaw", manager.employeeId());
		String reportName = this.jdbc
			.queryForObject("select first_name || ' ' || last_name from employees where id = ?", String.class, report);
		long channel = data.channel("Safety", null);
		long post = data.post(channel, manager.employeeId(), "IMPORTANT", "Fire safety refresher",
				Instant.now().minus(Duration.ofDays(5)), Instant.now().minus(Duration.ofDays(2)), List.of(report));

		signIn(manager.email());
		this.page.locator("a[data-nav=team]").click();

		assertThat(heading()).hasText("My team");
		Locator row = this.page.locator("tr[data-employee='" + report + "'][data-post='" + post + "']");
		assertThat(row).containsText(reportName);
		assertThat(row).containsText("Fire safety refresher");
		assertThat(row.locator("[data-badge=overdue]")).hasText("Overdue");
		assertAccessible("/team");

		row.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Nudge " + reportName + " about Fire safety refresher"))
			.click();

		assertThat(this.page.locator(".alert-success")).containsText("Nudged");
		assertThat(this.page.locator("tr[data-employee='" + report + "'] [data-nudged=today]")).hasText("Nudged today");
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.queryForObject("select count(*) from notifications where employee_id = ? "
					+ "and kind = 'NUDGE' and announcement_id = ?", Integer.class, report, post))
			.isEqualTo(1);
	}

	@Test
	void anAdministratorGivesAChannelItsOwnPolicyAndABadValueIsRefused() {
		long channel = new Escalating(this.context).channel("Journey", null);
		String channelName = this.jdbc.queryForObject("select name from channels where id = ?", String.class, channel);

		signIn(DemoAccount.ADMIN);
		this.page.locator("a[data-nav=policies]").click();
		assertThat(heading()).hasText("Reminder and escalation policies");
		assertAccessible("/admin/policies");
		this.page.getByLabel("Channel", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel(channelName));
		this.page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Important"));
		button("Create override").click();

		assertThat(heading()).hasText("Policy for Important posts in " + channelName);
		assertThat(this.page.locator(".alert-success")).containsText("a copy of the default");
		assertThat(this.page.getByLabel("Amount of step 1")).hasValue("24");

		this.page.getByLabel("Before or after, step 1").selectOption("BEFORE");
		this.page.getByLabel("Counted from, step 1").selectOption("PUBLISHED");
		button("Save policy").click();

		assertThat(this.page.locator("[data-errors=fields]")).isVisible();
		assertThat(this.page.locator("#steps0-direction-errors"))
			.hasText("A step cannot come before publishing: nobody has the post yet.");
		assertThat(this.page.getByLabel("Before or after, step 1")).hasAttribute("aria-describedby",
				"steps0-direction-errors");
		assertAccessible("/admin/policies/{id} with errors");

		this.page.getByLabel("Before or after, step 1").selectOption("BEFORE");
		this.page.getByLabel("Counted from, step 1").selectOption("DUE");
		this.page.getByLabel("How step 2 reaches people").selectOption("IN_APP");
		button("Save policy").click();

		assertThat(this.page.locator(".alert-success")).containsText("The policy is saved");
		Locator override = this.page.locator("tr[data-channel='" + channel + "']");
		assertThat(override).containsText("At the due time: remind the recipient, in the app only");
		assertThat(override)
			.containsText("24 hours before the due time: remind the recipient, in the app and by e-mail");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
