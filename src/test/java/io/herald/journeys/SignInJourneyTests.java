package io.herald.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.herald.account.LoginThrottle;
import io.herald.shared.Role;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SignInJourneyTests extends BrowserJourney {

	private static final String WRONG_PASSWORD = "not-the-password";

	private static final int NARROW_SCREEN = 320;

	@Autowired
	LoginThrottle throttle;

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void eachDemoRoleSeesTheNavigationAndPanelsOfItsRole(DemoAccount account) {
		signIn(account);

		assertThat(this.page).hasURL("/");
		assertThat(heading()).hasText("Welcome, " + account.displayName());
		assertThat(this.page.locator("span[data-role=EMPLOYEE]")).isVisible();
		assertThat(this.page.locator("span[data-role=" + account.role() + "]")).isVisible();
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home").setExact(true)))
			.isVisible();
		assertThat(this.page.locator("[data-panel=you]")).isVisible();
		assertShownOnlyTo(Role.ADMIN, account, this.page.locator("a[data-nav=users]"));
		assertShownOnlyTo(Role.COMMS_MANAGER, account, this.page.locator("[data-panel=reach]"));
		assertShownOnlyTo(Role.HR, account, this.page.locator("[data-panel=directory]"));
		assertShownOnlyTo(Role.ADMIN, account, this.page.locator("[data-panel=accounts]"));
	}

	@Test
	void wrongPasswordKeepsYouOnTheLoginPageWithAnError() {
		signIn(unusedPerson(), WRONG_PASSWORD);

		assertThat(this.page).hasURL("/login?error");
		assertThat(this.page.locator(".alert-danger"))
			.hasText("That e-mail and password do not match an active account.");
		assertThat(this.page.locator("#username")).isVisible();
	}

	@Test
	void repeatedWrongPasswordsPauseSignInFromThisDeviceEvenForTheRightPassword() {
		String email = unusedPerson();
		// The last failure empties the bucket; one more attempt meets it.
		for (int attempt = 0; attempt <= this.throttle.perAccountAndAddress().maxFailures(); attempt++) {
			signIn(email, WRONG_PASSWORD);
		}

		assertCoolingOff();

		signIn(email, DemoAccount.PASSWORD);

		assertCoolingOff();
	}

	private void assertCoolingOff() {
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile("/login\\?throttled=\\d+$"));
		assertThat(this.page.locator(".alert-warning")).containsText("Too many failed sign-in attempts");
		assertThat(this.page.locator("a[data-nav=me]")).hasCount(0);
	}

	@Test
	void signingOutReturnsToTheLoginPageAndHomeThenAsksToSignIn() {
		signIn(DemoAccount.EMPLOYEE);

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();

		assertThat(this.page).hasURL("/login?logout");
		assertThat(this.page.locator(".alert-info")).hasText("You have signed out.");
		open("/");
		assertThat(this.page).hasURL("/login");
	}

	@Test
	void employeeOpeningUserAdministrationIsForbidden() {
		signIn(DemoAccount.EMPLOYEE);

		Response response = open("/admin/users");

		Assertions.assertThat(response.status()).isEqualTo(403);
		assertThat(this.page.locator("section[data-error='403']")).isVisible();
	}

	@Test
	void demoAccountButtonSignsYouIn() {
		open("/login");

		this.page.locator("[data-demo-login][data-email='comms@herald.test']").click();

		assertThat(this.page).hasURL("/");
		assertThat(heading()).hasText("Welcome, Olivia Bennett");
	}

	@Test
	void loginPageFitsANarrowScreen() {
		this.page.setViewportSize(NARROW_SCREEN, 640);

		open("/login");

		assertNoHorizontalScroll();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void homePageFitsANarrowScreen(DemoAccount account) {
		this.page.setViewportSize(NARROW_SCREEN, 640);

		signIn(account);

		assertThat(this.page).hasURL("/");
		assertNoHorizontalScroll();
	}

	private void assertShownOnlyTo(Role audience, DemoAccount viewer, Locator element) {
		if (viewer.role() == audience) {
			assertThat(element).isVisible();
		}
		else {
			// Not rendered at all, rather than hidden: the page must not leak it.
			assertThat(element).hasCount(0);
		}
	}

	// Content wider than the screen makes the whole page scroll sideways on a phone.
	private void assertNoHorizontalScroll() {
		Number width = (Number) this.page.evaluate("() => document.documentElement.scrollWidth");
		Assertions.assertThat(width.intValue())
			.as("page width at %d px", NARROW_SCREEN)
			.isLessThanOrEqualTo(NARROW_SCREEN);
	}

}
