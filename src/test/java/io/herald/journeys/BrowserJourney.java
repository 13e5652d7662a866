package io.herald.journeys;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A journey through Herald in a real browser: the whole application on a random port with
 * its demo organisation in this JVM's throw-away PostgreSQL database, and a fresh page
 * per test from {@link BrowserExtension}. Subclasses say what a person does and what they
 * see, with Playwright's waiting assertions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
abstract class BrowserJourney implements PostgresIntegrationTest {

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	// All journey classes share one database: a person handed to one journey is
	// never handed to another.

	private static final Set<String> handedOut = ConcurrentHashMap.newKeySet();

	@Autowired
	JdbcTemplate jdbc;

	Page page;

	@BeforeEach
	void usePage(Page page) {
		this.page = page;
	}

	/**
	 * Goes to a path of the application and waits for the page to load.
	 */
	Response open(String path) {
		return this.page.navigate(path);
	}

	/**
	 * Signs in from a signed-out browser and waits until signed in.
	 */
	void signIn(DemoAccount account) {
		signIn(account.email());
	}

	/**
	 * Signs in with the demo password from a signed-out browser and waits until signed
	 * in. Where you land depends on what you asked for before; the caller checks that.
	 */
	void signIn(String email) {
		signIn(email, DemoAccount.PASSWORD);
		assertThat(this.page.locator("a[data-nav=me]")).isVisible();
	}

	/**
	 * Submits the login form and waits for the answer, whatever it is: the caller says
	 * what it should have been.
	 */
	void signIn(String email, String password) {
		open("/login");
		this.page.locator("#username").fill(email);
		this.page.locator("#password").fill(password);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		// Every answer leaves the bare /login for home, ?error or ?throttled:
		// waiting for that keeps the next step off the page being replaced.
		this.page.waitForURL((url) -> !url.endsWith("/login"));
	}

	Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	/**
	 * Checks the open page with axe-core against WCAG 2.1 A and AA (and 2.2 AA) and fails
	 * with the violations found, if any.
	 */
	void assertAccessible(String path) {
		org.assertj.core.api.Assertions.assertThat(wcagViolations()).as(path).isEmpty();
	}

	/**
	 * What axe-core finds wrong with the open page against WCAG 2.1 A and AA (and 2.2
	 * AA), one line per rule with up to three of the offending elements.
	 */
	List<String> wcagViolations() {
		AxeResults results = new AxeBuilder(this.page).withTags(WCAG).analyze();
		return results.getViolations()
			.stream()
			.map((Rule rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
					+ rule.getNodes().stream().limit(3).map((node) -> String.valueOf(node.getTarget())).toList())
			.toList();
	}

	/**
	 * Someone from the demo organisation with an ordinary, untouched account (no extra
	 * role, nobody reporting to them) that no other journey in this JVM is given: for
	 * journeys that leave marks on an account, such as failed sign-ins.
	 */
	String unusedPerson() {
		return unusedPersonIn(null);
	}

	/**
	 * An ordinary demo person working at a location (any location when {@code null}) who
	 * signs in with the demo password and has not been handed to any journey yet.
	 */
	String unusedPersonIn(String location) {
		// Only demo people: other tests in this database add people with other passwords.
		List<String> candidates = this.jdbc.queryForList("""
				select e.email from employees e join user_accounts a on a.employee_id = e.id
				left join locations l on l.id = e.location_id
				where e.active and a.enabled
				  and a.must_change_password = false and e.email like '%@herald.test'
				  and (cast(? as varchar) is null or l.name = ?)
				  and not exists (select 1 from account_roles r where r.account_id = a.id and r.role <> 'EMPLOYEE')
				  and not exists (select 1 from employees report where report.manager_id = e.id)
				order by e.id""", String.class, location, location);
		for (String email : candidates) {
			if (!DemoAccount.isDemoAccount(email) && handedOut.add(email)) {
				return email;
			}
		}
		throw new IllegalStateException("Every ordinary demo person has been handed to a journey already");
	}

}
