package io.herald.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A crisis as people live it: a comms manager activates the Warsaw fire plan after a
 * confirmation step, a Warsaw employee sees the alert on every page and checks in safe
 * from the banner, the live roster counts them safe, and the manager resolves with the
 * all-clear and reads the after-action summary.
 */
class CrisisIncidentJourneyTests extends BrowserJourney {

	@Test
	void aManagerActivatesTheFirePlanAWarsawEmployeeChecksInSafeAndTheManagerResolves() {
		String employee = unusedPersonIn("Warsaw");
		long employeeId = this.jdbc.queryForObject("select id from employees where email = ?", Long.class, employee);
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
		assertAccessible("/crisis/plans/{id}/activate");
		alertTitle.fill(title);
		button("Send the alert now").click();

		assertThat(heading()).hasText(title);
		assertThat(this.page.locator(".alert-success")).hasText("The incident is open and the alert has gone out.");
		assertThat(this.page.locator("[data-count=safe]")).hasText("0");
		String incident = this.page.url();
		assertAccessible("/crisis/incidents/{id}");
		signOut();

		signIn(employee);
		open("/directory");
		Locator banner = this.page.locator("[data-critical-banner]")
			.filter(new Locator.FilterOptions().setHasText(title));
		assertThat(banner).isVisible();
		assertAccessible("/directory (crisis banner)");
		banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I'm safe")).click();

		assertThat(this.page).hasURL(Pattern.compile(".*/directory$"));
		assertThat(this.page.locator(".alert-success")).hasText("Thank you: your answer is recorded.");
		assertThat(banner).hasCount(0);
		signOut();

		signIn(DemoAccount.COMMS_MANAGER);
		open(incident);
		assertThat(this.page.locator("[data-safe] li[data-person='" + employeeId + "']")).isVisible();
		assertThat(this.page.locator("[data-no-response] li[data-person='" + employeeId + "']")).hasCount(0);
		button("Resolve and send the all-clear").click();

		assertThat(this.page.locator(".alert-success"))
			.hasText("The incident is resolved: the all-clear has gone out and check-ins are closed.");
		assertThat(this.page.locator("[data-incident-status]")).containsText("Resolved");
		assertThat(this.page.locator("[data-after-action]")).containsText("Time to 50 % checked in");
		assertAccessible("/crisis/incidents/{id} (resolved)");
		open("/crisis");
		assertThat(this.page.locator("table[data-incidents]")).containsText(title);
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void signOut() {
		button("Sign out").click();
		assertThat(this.page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

}
