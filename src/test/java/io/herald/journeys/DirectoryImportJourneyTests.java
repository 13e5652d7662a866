package io.herald.journeys;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * HR keeping the directory right: an import that first fails and then lands, and a leaver
 * whose open session ends the moment HR deactivates them.
 */
class DirectoryImportJourneyTests extends BrowserJourney {

	@LocalServerPort
	int port;

	private static final String HEADER = "email,first_name,last_name,job_title,department,location,manager_email,time_zone\n";

	@Test
	void hrFixesABadFileThenImportsANewHireWhoAppearsInSearchAndUnderTheirManager() {
		signIn(DemoAccount.HR);
		open("/admin/directory/import");
		String badRow = "zuzanna.wrobel@import-journey.test,Zuzanna,Wróbel,Analyst,Finance,Warsaw,employee@herald.test,Europe/Warsow\n";
		upload(HEADER + badRow);

		assertThat(this.page.locator("[data-import-error-table]")).containsText("Europe/Warsow");
		assertThat(this.page.locator("[data-import-error-table] td").first()).hasText("2");
		assertThat(this.page.locator("form[action$='/apply']")).hasCount(0);

		open("/admin/directory/import");
		upload(HEADER + badRow.replace("Europe/Warsow", "Europe/Warsaw"));
		assertThat(this.page.locator("[data-count=created]")).hasText("1");
		assertThat(this.page.locator("[data-import-created]")).containsText("zuzanna.wrobel@import-journey.test");
		this.page.locator("form[action$='/apply'] button").click();
		assertThat(this.page.locator("[data-import-applied]")).isVisible();
		// The new hire can be reached and can sign in: an account waits with an
		// invitation.
		org.assertj.core.api.Assertions.assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from account_invitations i join user_accounts a on a.id = i.account_id
						join employees e on e.id = a.employee_id
						where e.email = 'zuzanna.wrobel@import-journey.test' and a.password_hash is null and i.used_at is null""",
				Integer.class))
			.isOne();

		open("/directory?q=zuzanna wrobel");
		assertThat(this.page.locator("[data-person='zuzanna.wrobel@import-journey.test']")).isVisible();

		open("/directory/org-chart?around=" + idOf("employee@herald.test"));
		assertThat(this.page
			.locator("li[data-person='employee@herald.test'] li[data-person='zuzanna.wrobel@import-journey.test']"))
			.containsText("Zuzanna Wróbel");
	}

	@Test
	void hrDeactivatesALeaverAndTheirOpenSessionEndsAtOnce() {
		String leaver = unusedPerson();
		BrowserContext elsewhere = this.page.context()
			.browser()
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(baseUrl()));
		try {
			Page theirs = elsewhere.newPage();
			theirs.navigate("/login");
			theirs.locator("#username").fill(leaver);
			theirs.locator("#password").fill(DemoAccount.PASSWORD);
			theirs.locator("form[action='/login'] button[type=submit]").click();
			assertThat(theirs).hasURL("/");

			signIn(DemoAccount.HR);
			open("/directory/" + idOf(leaver));
			this.page.locator("form[action$='/deactivate'] button").click();
			assertThat(this.page.locator(".alert-success")).containsText("deactivated");

			theirs.navigate("/directory");
			assertThat(theirs).hasURL("/login?ended");
		}
		finally {
			elsewhere.close();
		}
	}

	private void upload(String csv) {
		this.page.locator("#file")
			.setInputFiles(new FilePayload("people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		this.page.locator("#import-form button[type=submit]").click();
		this.page.waitForURL((url) -> !url.endsWith("/admin/directory/import"));
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from employees where email = ?", Long.class, email);
	}

}
