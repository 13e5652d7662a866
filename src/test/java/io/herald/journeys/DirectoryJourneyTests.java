package io.herald.journeys;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class DirectoryJourneyTests extends BrowserJourney {

	@Test
	void anEmployeeChangesTheirPhoneAndColleaguesSeeIt() {
		String email = unusedPerson();
		signIn(email);
		open("/me");
		this.page.locator("#phone").fill("+48 22 555 12 34");
		this.page.locator("#timeZone").fill("Asia/Taipei");
		this.page.locator("form[action='/me/details'] button[type=submit]").click();

		assertThat(this.page.locator(".alert-success")).hasText("Your details have been saved.");
		assertThat(this.page.locator("#phone")).hasValue("+48 22 555 12 34");

		open("/directory?q=" + email);
		this.page.locator("[data-person='" + email + "'] a").click();
		assertThat(this.page.locator("a[href='tel:+48225551234']")).hasText("+48 22 555 12 34");
		assertThat(this.page.locator("main")).containsText("Asia/Taipei");
	}

	@Test
	void aBadTimeZoneIsExplainedOnTheFieldAndChangesNothing() {
		signIn(unusedPerson());
		open("/me");
		this.page.locator("#timeZone").fill("Mars/Olympus");
		this.page.locator("form[action='/me/details'] button[type=submit]").click();

		assertThat(this.page.locator("#timeZone-errors"))
			.hasText("Enter a time zone such as Europe/Warsaw or Asia/Taipei.");
	}

	@Test
	void searchUpdatesAsYouTypeAndIgnoresDiacritics() {
		signIn(DemoAccount.EMPLOYEE);
		open("/directory");
		this.page.locator("#q").pressSequentially("lukasz zielinski");

		assertThat(this.page.locator("[data-person='employee@herald.test']")).isVisible();
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*q=lukasz.*"));
	}

	@Test
	void theOrgChartOpensFurtherLevelsOnDemand() {
		signIn(DemoAccount.EMPLOYEE);
		// Around the top of the demo employee's reporting line: other tests add people
		// without a manager, who may fill the chart's first page of people at the top.
		Long top = this.jdbc.queryForObject("select id from employees where email = ?", Long.class,
				DemoAccount.EMPLOYEE.email());
		for (Long up = top; up != null;) {
			top = up;
			up = this.jdbc.queryForObject("select manager_id from employees where id = ?", Long.class, up);
		}
		open("/directory/org-chart?around=" + top);
		// The chief executive, the department heads and their teams are shown; team
		// leads' reports load when opened.
		String lead = this.page.locator("li:has(> details:not([open]))").first().getAttribute("data-person");
		var reports = this.page.locator("li[data-person='" + lead + "'] > details");
		assertThat(reports.locator(".herald-tree li")).hasCount(0);
		reports.locator("summary").click();

		assertThat(reports.locator(".herald-tree li").first()).isVisible();
		assertThat(reports.locator(".herald-more")).hasCount(0);
	}

	@Test
	void directoryPagesFitA320PixelScreen() {
		this.page.setViewportSize(320, 640);
		signIn(DemoAccount.HR);
		long employee = this.jdbc.queryForObject("select id from employees where email = 'employee@herald.test'",
				Long.class);
		for (String path : java.util.List.of("/directory", "/directory/" + employee,
				"/directory/org-chart?around=" + employee, "/me", "/admin/directory",
				"/admin/directory/people/" + employee + "/edit", "/admin/directory/import")) {
			open(path);
			Object width = this.page.evaluate("document.documentElement.scrollWidth");
			org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).as(path).isLessThanOrEqualTo(320);
		}
	}

}
