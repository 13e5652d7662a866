package io.herald.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Crisis plans as people meet them: a comms manager finds the demo plans' flags explained
 * on the list, adds a checklist step to a plan and sees the new version in its history;
 * an employee reads the support procedures and follows a contact to their profile.
 */
class CrisisPlanJourneyTests extends BrowserJourney {

	@Test
	void aCommsManagerSeesTheFlagsExplainedAndEditsAPlansChecklist() {
		signIn(DemoAccount.COMMS_MANAGER);
		this.page.locator("a[data-nav=crisis]").click();

		assertThat(heading()).hasText("Crisis plans");
		Locator stale = row("Data breach: personal data");
		assertThat(stale.locator("[data-flag=stale]")).containsText("Overdue for review");
		assertThat(stale.locator("[data-flag=stale]")).containsText("Its review was due on");
		Locator broken = row("Severe weather: Kraków site");
		assertThat(broken.locator("[data-flag=broken-chain]")).containsText("Broken contact chain");
		assertThat(broken.locator("[data-flag=broken-chain]")).containsText("Facilities: ");
		assertThat(broken.locator("[data-flag=broken-chain]"))
			.containsText("no longer works here and there is no active deputy");
		assertAccessible("/crisis");

		row("Power cut: any office").getByRole(AriaRole.LINK).first().click();
		assertThat(heading()).hasText("Power cut: any office");
		this.page.locator("a[data-action=edit]").click();
		assertThat(heading()).hasText("Edit Power cut: any office");
		this.page.getByLabel("Step 3", new Page.GetByLabelOptions().setExact(true))
			.fill("Tell the building's other tenants");
		this.page.getByLabel("Responsible role for step 3").selectOption("LEAD");
		button("Save plan").click();

		assertThat(this.page.locator(".alert-success")).containsText("saved as a new version");
		assertThat(this.page.locator("[data-checklist] li").nth(2)).hasText("Tell the building's other tenants (Lead)");
		Locator latest = this.page.locator("[data-history] tr[data-revision='2']");
		assertThat(latest).containsText(DemoAccount.COMMS_MANAGER.displayName());
		assertThat(latest.locator("[data-change]")).hasText("checklist");
		assertThat(this.page.locator("[data-history] tr[data-revision='1']")).isVisible();
		assertAccessible("/crisis/plans/{id}");
	}

	@Test
	void anEmployeeReadsTheProceduresAndFollowsAContactToTheDirectory() {
		signIn(unusedPerson());
		assertThat(this.page.locator("a[data-nav=crisis]")).hasCount(0);
		this.page.locator("a[data-nav=procedures]").click();

		assertThat(heading()).hasText("Support procedures");
		Locator harassment = this.page.locator("article")
			.filter(new Locator.FilterOptions().setHasText("Reporting harassment"));
		assertThat(harassment).containsText("Talk to HR in confidence");
		assertAccessible("/procedures");

		harassment.locator("[data-contacts] a").first().click();

		assertThat(heading()).hasText(DemoAccount.HR.displayName());
		org.assertj.core.api.Assertions.assertThat(this.page.url()).matches(".*/directory/\\d+$");
	}

	private Locator row(String title) {
		return this.page.locator("tr[data-plan]").filter(new Locator.FilterOptions().setHasText(title));
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
