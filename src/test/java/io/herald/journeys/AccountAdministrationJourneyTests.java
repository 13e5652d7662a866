package io.herald.journeys;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.NewEmployee;
import io.herald.support.FinancePeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Administrators managing accounts while the people concerned use Herald in another
 * browser: sessions end at once, resets force a new password, invitations let newcomers
 * in.
 */
class AccountAdministrationJourneyTests extends BrowserJourney {

	@Autowired
	ApplicationContext context;

	private static final String NEW_PASSWORD = "my own long passphrase 2026";

	@LocalServerPort
	int port;

	@Autowired
	EmployeeDirectory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private BrowserContext elsewhere;

	@AfterEach
	void closeTheOtherBrowser() {
		if (this.elsewhere != null) {
			this.elsewhere.close();
		}
	}

	@Test
	void disablingAPersonEndsTheirSessionElsewhereAtTheirNextPageLoad() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		Page theirs = otherBrowser();
		signInThere(theirs, person.email(), DemoAccount.PASSWORD);
		assertThat(theirs).hasURL("/");

		signIn(DemoAccount.ADMIN);
		open("/admin/users/" + person.employeeId());
		button("Disable account").click();
		assertThat(this.page.locator(".alert-success")).containsText("The account has been disabled");
		assertThat(this.page.locator("[data-account-state]")).hasText("Disabled");

		theirs.navigate("/me");

		assertThat(theirs).hasURL("/login?ended");
		assertThat(theirs.locator("[data-session-ended]")).containsText("Your session has ended");
		theirs.navigate("/");
		assertThat(theirs).hasURL("/login");
	}

	@Test
	void aPersonWhosePasswordWasResetSignsInWithTheTemporaryOneAndMustChooseANewOne() {
		FinancePeople.Person person = FinancePeople.next(this.context);
		signIn(DemoAccount.ADMIN);
		open("/admin/users/" + person.employeeId());
		button("Reset password").click();
		String temporary = this.page.locator("[data-temporary-password]").textContent().strip();
		open("/admin/users/" + person.employeeId());
		assertThat(this.page.locator("[data-temporary-password]")).hasCount(0);

		Page theirs = otherBrowser();
		signInThere(theirs, person.email(), temporary);

		assertThat(theirs).hasURL("/me");
		assertThat(theirs.locator(".alert-danger")).containsText("An administrator reset your password");
		theirs.navigate("/");
		assertThat(theirs).hasURL("/me");

		theirs.locator("#currentPassword").fill(temporary);
		theirs.locator("#newPassword").fill(NEW_PASSWORD);
		theirs.locator("#confirmation").fill(NEW_PASSWORD);
		theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password").setExact(true))
			.click();
		assertThat(theirs.locator(".alert-success")).hasText("Your password has been changed.");

		theirs.navigate("/");
		assertThat(theirs).hasURL("/");
		assertThat(theirs.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welcome");
	}

	@Test
	void aNewPersonFollowsTheirInvitationLinkAndSetsAPassword() {
		String email = "newcomer-" + UUID.randomUUID() + "@herald.test";
		// Reporting to the person at the top, as other tests expect of everyone.
		Long chief = this.jdbc.queryForObject("select min(id) from employees where manager_id is null", Long.class);
		long employeeId = this.transactions.execute((status) -> {
			long id = this.directory.addEmployee(new NewEmployee(email, null, "Nora", "Newcomer", null, null, null,
					null, chief, null, null, ZoneOffset.UTC, "en", null, null));
			this.events.publishEvent(new EmployeesJoined(List.of(id)));
			return id;
		});
		signIn(DemoAccount.ADMIN);
		open("/admin/users/" + employeeId);
		String link = this.page.locator("[data-invitation-link]").textContent().strip();

		Page theirs = otherBrowser();
		theirs.navigate(link);
		assertThat(theirs.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome to Herald, Nora Newcomer");
		theirs.locator("#newPassword").fill("short");
		theirs.locator("#confirmation").fill("short");
		theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password").setExact(true)).click();
		assertThat(theirs.locator(".invalid-feedback")).containsText("Use at least 12 characters.");
		theirs.locator("#newPassword").fill(NEW_PASSWORD);
		theirs.locator("#confirmation").fill(NEW_PASSWORD);
		theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password").setExact(true)).click();

		assertThat(theirs).hasURL("/login");
		assertThat(theirs.locator(".alert-success")).containsText("Your password is set.");
		signInThere(theirs, email, NEW_PASSWORD);
		assertThat(theirs).hasURL("/");
		assertThat(theirs.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Nora Newcomer");

		theirs.navigate(link);
		assertThat(theirs.locator("[data-invitation-status=USED]")).isVisible();
	}

	// A second browser on the same Chromium: another device of the person concerned.
	private Page otherBrowser() {
		Browser browser = this.page.context().browser();
		this.elsewhere = browser
			.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + this.port).setLocale("en-GB"));
		return this.elsewhere.newPage();
	}

	private static void signInThere(Page page, String email, String password) {
		page.navigate("/login");
		page.locator("#username").fill(email);
		page.locator("#password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForURL((url) -> !url.endsWith("/login"));
	}

	private com.microsoft.playwright.Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
