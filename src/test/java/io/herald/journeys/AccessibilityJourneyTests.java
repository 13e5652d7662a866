package io.herald.journeys;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages pass axe-core's WCAG 2.1 A and AA checks: labels, contrast, landmarks,
 * names.
 */
class AccessibilityJourneyTests extends BrowserJourney {

	@Test
	void theLoginPageHasNoWcagViolations() {
		open("/login");
		assertAccessible("/login");
	}

	@Test
	void everyonesPagesHaveNoWcagViolations() {
		signIn(DemoAccount.EMPLOYEE);
		long me = this.jdbc.queryForObject("select id from employees where email = 'employee@herald.test'", Long.class);
		for (String path : List.of("/", "/directory", "/directory?q=kowal", "/directory/" + me, "/directory/org-chart",
				"/me", "/feed", "/channels")) {
			open(path);
			assertAccessible(path);
		}
	}

	@Test
	void hrAndAdministratorPagesHaveNoWcagViolations() {
		signIn(DemoAccount.HR);
		long me = this.jdbc.queryForObject("select id from employees where email = 'employee@herald.test'", Long.class);
		for (String path : List.of("/", "/admin/directory", "/admin/directory/import", "/admin/directory/people/new",
				"/admin/directory/people/" + me + "/edit")) {
			open(path);
			assertAccessible(path);
		}
		this.page.context().clearCookies();
		signIn(DemoAccount.ADMIN);
		for (String path : List.of("/admin/users", "/admin/users/" + me, "/admin/audit", "/manage/channels",
				"/manage/channels/new")) {
			open(path);
			assertAccessible(path);
		}
	}

}
