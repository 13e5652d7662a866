package io.herald.journeys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.herald.crisis.Activation;
import io.herald.crisis.CheckInStatus;
import io.herald.crisis.IncidentScope;
import io.herald.crisis.Incidents;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.Organisation;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page each role reaches, on a desktop (1280 px) and on a phone (360 px): axe-core
 * finds no WCAG 2.0, 2.1 or 2.2 A/AA violation at either width, and on the phone the page
 * never scrolls sideways (tables scroll inside their own labelled, focusable region).
 * After a save, an acknowledgement or a failed form, keyboard focus is on the message,
 * not on the page's body. One signed-in page per role keeps it quick: every page is
 * loaded once and checked at both widths.
 */
class AccessibilityJourneyTests extends BrowserJourney {

	private static final int WIDE = 1280;

	private static final int NARROW = 360;

	private static final int HEIGHT = 800;

	// The incidents the crisis pages show: created once per JVM, scoped to people of
	// their own so no one else's feed or banner changes.
	private static Crisis crisis;

	@Autowired
	Incidents incidents;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	private final Set<String> visited = new LinkedHashSet<>();

	private final List<String> problems = new ArrayList<>();

	@Test
	void signedOutPagesWorkOnAPhoneAndHaveNoWcagViolations() {
		check("/login");
		check("/login?error");
		assertEveryPageWasFine(2);
	}

	@Test
	void everyPageAnEmployeeReachesWorksOnAPhoneAndHasNoWcagViolations() {
		signIn(DemoAccount.EMPLOYEE);
		List<String> nav = navigation();
		check("/");
		check("/feed");
		String post = linkOn("/announcements/\\d+");
		check("/channels");
		String channel = linkOn("/channels/[a-z0-9-]+");
		check(channel);
		check("/feed?channel=" + channel.substring("/channels/".length()));
		check(post);
		check("/notifications");
		check("/directory");
		check("/directory?q=kowal");
		check(linkOn("/directory/\\d+"));
		check("/directory/org-chart");
		check("/procedures");
		check("/me");
		assertEveryNavigationLinkWasVisited(nav);
		assertEveryPageWasFine(13);
	}

	@Test
	void everyPageACommunicationsManagerReachesWorksOnAPhoneAndHasNoWcagViolations() {
		Crisis crisis = crisis();
		signIn(DemoAccount.COMMS_MANAGER);
		List<String> nav = navigation();
		check("/");
		check("/manage/announcements");
		check(linkOn("/manage/announcements/\\d+"));
		check(linkOn("/manage/announcements/\\d+/edit"));
		check("/manage/announcements/new");
		check("/manage/announcements?list=PUBLISHED");
		String published = linkOn("/manage/announcements/\\d+");
		check(linkOn("/manage/announcements/\\d+/tracking"));
		check(published);
		check("/feed");
		check("/notifications");
		check("/manage/calendar");
		check("/manage/calendar?view=week");
		check("/manage/channels");
		check(linkOn("/manage/channels/\\d+/edit"));
		check("/manage/channels/new");
		checkCrisisPages(crisis, true);
		check("/procedures");
		check(linkOn("/procedures/\\d+/edit"));
		check("/procedures/new");
		checkInsightPages();
		check("/channels");
		check("/directory");
		check("/me");
		assertEveryNavigationLinkWasVisited(nav);
		assertEveryPageWasFine(35);
	}

	@Test
	void everyPageHrReachesWorksOnAPhoneAndHasNoWcagViolations() {
		Crisis crisis = crisis();
		signIn(DemoAccount.HR);
		List<String> nav = navigation();
		check("/");
		check("/admin/directory");
		long employee = this.jdbc.queryForObject("select id from employees where email = ?", Long.class,
				DemoAccount.EMPLOYEE.email());
		check("/admin/directory/people/" + employee + "/edit");
		check("/admin/directory/people/new");
		check("/admin/directory/import");
		// A file with a mistake: the preview lists the error and nothing is applied.
		this.page.locator("#file")
			.setInputFiles(new FilePayload("people.csv", "text/csv",
					"email,first_name,last_name\nnot-an-address,Ada,Wrong\n".getBytes(StandardCharsets.UTF_8)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file").setExact(true))
			.click();
		this.page.waitForURL(Pattern.compile(".*/admin/directory/import/[^/]+$"));
		check(this.page.url().substring(this.page.url().indexOf("/admin/")));
		check("/manage/calendar");
		checkCrisisPages(crisis, false);
		checkInsightPages();
		check("/procedures");
		check("/feed");
		check("/notifications");
		check("/channels");
		check("/manage/announcements");
		check("/directory");
		check("/directory/org-chart");
		check("/me");
		assertEveryNavigationLinkWasVisited(nav);
		assertEveryPageWasFine(25);
	}

	@Test
	void everyPageAnAdministratorReachesWorksOnAPhoneAndHasNoWcagViolations() {
		signIn(DemoAccount.ADMIN);
		List<String> nav = navigation();
		check("/");
		check("/admin/users");
		check(linkOn("/admin/users/\\d+"));
		check("/admin/policies");
		check(linkOn("/admin/policies/\\d+"));
		check("/admin/outbox");
		check("/admin/audit");
		check("/admin/directory");
		check("/admin/directory/import");
		check("/feed");
		check("/notifications");
		check("/manage/announcements");
		check("/manage/calendar");
		check("/manage/channels");
		check("/crisis");
		check(linkOn("/crisis/plans/\\d+"));
		check("/insight");
		check("/procedures");
		check("/channels");
		check("/directory");
		check("/me");
		assertEveryNavigationLinkWasVisited(nav);
		assertEveryPageWasFine(21);
	}

	@Test
	void focusMovesToTheMessageAfterASaveAnAcknowledgementAndAFailedForm() {
		Announcing announcing = new Announcing(this.jdbc);
		Person person = announcing.person("Focus", "COMMS_MANAGER");
		Person author = announcing.person("Author");
		String title = "Keyboard focus policy " + System.nanoTime();
		long post = announcing.publish(new Post(announcing.topic("Focus"), author, title, null, "Read me.", "IMPORTANT",
				Instant.now(), null, true, Instant.now().plus(Duration.ofDays(3))), person);
		signIn(person.email());

		open("/announcements/" + post);
		submit("I have read and understood");
		assertThat(this.page.locator("main .alert-success")).isFocused();

		open("/me");
		submit("Save your details");
		assertThat(this.page.locator("main .alert-success")).hasText("Your details have been saved.");
		assertThat(this.page.locator("main .alert-success")).isFocused();

		this.page.locator("#timeZone").fill("Mars/Olympus_Mons");
		submit("Save your details");
		assertThat(this.page.locator("#timeZone")).hasClass(Pattern.compile("is-invalid"));
		assertThat(this.page.locator("form [data-error-summary]")).isFocused();

		open("/manage/channels/new");
		submit("Save channel");
		assertThat(this.page.locator("#name")).hasClass(Pattern.compile("is-invalid"));
		assertThat(this.page.locator("form [data-error-summary]")).isFocused();
	}

	// Clicks a form's button and waits for the answer to load, however long a busy
	// machine takes (a full build beside a benchmark once took more than the usual 30 s
	// for one answer): the assertions after it are about the new page.
	private void submit(String button) {
		this.page.waitForResponse((response) -> "POST".equals(response.request().method()),
				new Page.WaitForResponseOptions().setTimeout(120_000),
				() -> this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click());
		this.page.waitForLoadState();
	}

	private void checkCrisisPages(Crisis crisis, boolean editor) {
		check("/crisis");
		String plan = linkOn("/crisis/plans/\\d+");
		check(plan);
		if (editor) {
			check(plan + "/edit");
			check(plan + "/activate");
			check("/crisis/plans/new");
		}
		check("/crisis/incidents/" + crisis.drill());
		if (editor) {
			// The all-clear's confirmation step, before anything is sent.
			check("/crisis/incidents/" + crisis.drill() + "/resolve");
		}
		check("/crisis/incidents/" + crisis.drill() + "/drill-report");
		check("/crisis/incidents/" + crisis.resolved());
		check("/crisis/incidents/" + crisis.resolved() + "/report");
	}

	private void checkInsightPages() {
		check("/insight");
		check(linkOn("/insight/departments/\\d+"));
		check("/insight/channels");
		check("/insight/announcements");
	}

	/**
	 * Loads the page once and checks it wide, then narrow: axe at both widths, and no
	 * sideways scrolling on the phone. Problems are collected so one run names them all.
	 */
	private void check(String path) {
		this.page.setViewportSize(WIDE, HEIGHT);
		Response response = open(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		if (!path.startsWith("/login")) {
			assertThat(this.page.url()).as(path).doesNotEndWith("/login");
		}
		this.visited.add(path);
		this.wcagViolations().forEach((violation) -> this.problems.add(path + " at " + WIDE + " px: " + violation));
		this.page.setViewportSize(NARROW, HEIGHT);
		Object overflow = this.page.evaluate("""
				() => {
				  const width = window.innerWidth;
				  if (document.documentElement.scrollWidth <= width) {
				    return null;
				  }
				  // The culprits, leaving out what scrolls inside its own box (which
				  // clips all but what is positioned outside it).
				  const clipped = (el) => {
				    if (['absolute', 'fixed'].includes(getComputedStyle(el).position)) return false;
				    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				      if (getComputedStyle(a).overflowX !== 'visible') return true;
				    }
				    return false;
				  };
				  const names = [...document.body.querySelectorAll('*')]
				    .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
				    .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
				      ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
				  return document.documentElement.scrollWidth + ' px wide: ' + names.slice(0, 6).join(', ');
				}""");
		if (overflow != null) {
			this.problems.add(path + " scrolls sideways at " + NARROW + " px, " + overflow);
		}
		this.wcagViolations().forEach((violation) -> this.problems.add(path + " at " + NARROW + " px: " + violation));
	}

	/**
	 * The first link on the open page whose path matches, so the pages checked are the
	 * ones a person gets to by following links.
	 */
	private String linkOn(String pathPattern) {
		Pattern pattern = Pattern.compile(pathPattern);
		@SuppressWarnings("unchecked")
		List<String> paths = (List<String>) this.page
			.evaluate("() => [...document.querySelectorAll('main a[href]')].map((a) => new URL(a.href).pathname)");
		String found = paths.stream().filter((path) -> pattern.matcher(path).matches()).findFirst().orElse(null);
		assertThat(found).as("a link to " + pathPattern + " on " + this.page.url()).isNotNull();
		return found;
	}

	// The header's links for this role: every one of them must be among the pages
	// checked.
	@SuppressWarnings("unchecked")
	private List<String> navigation() {
		List<String> links = (List<String>) this.page.evaluate(
				"() => [...document.querySelectorAll('header nav a[href]')].map((a) => new URL(a.href).pathname)");
		assertThat(links).isNotEmpty();
		return links;
	}

	private void assertEveryNavigationLinkWasVisited(List<String> navigation) {
		assertThat(this.visited).containsAll(navigation);
	}

	private void assertEveryPageWasFine(int pages) {
		assertThat(this.problems).isEmpty();
		assertThat(this.visited).hasSize(pages);
	}

	private synchronized Crisis crisis() {
		if (crisis == null) {
			crisis = createCrisis();
		}
		return crisis;
	}

	// A resolved incident (with someone who needed help, for its after-action report)
	// and an open drill (for the live page and the drill report), both reaching only a
	// location of their own.
	private Crisis createCrisis() {
		Organisation organisation = Organisation.of(this.context);
		long location = organisation.location("Accessibility office " + Long.toString(System.nanoTime(), 36));
		List<Long> people = organisation.person("Ines", "Person").at(location).mailedAt("incident.test").add(3);
		Authentication comms = SignedIn.user(this.users.loadUserByUsername(DemoAccount.COMMS_MANAGER.email()));
		IncidentScope scope = new IncidentScope(false, Set.of(location), Set.of());
		long resolved = SignedIn.as(comms,
				() -> this.incidents
					.activate(plan("Pandemic: infectious disease outbreak"),
							new Activation(scope, "Health advice for the office", "Stay home if you feel unwell.",
									false))
					.id());
		long drill = SignedIn.as(comms,
				() -> this.incidents
					.activate(plan("Workplace violence: threat on site"),
							new Activation(scope, "Security threat: stay where you are", "Lock the door.", true))
					.id());
		for (long incident : List.of(resolved, drill)) {
			SignedIn.as(SignedIn.employee(people.get(0)),
					() -> this.incidents.checkIn(incident, CheckInStatus.NEED_HELP, "Trapped on the second floor"));
			SignedIn.as(SignedIn.employee(people.get(1)),
					() -> this.incidents.checkIn(incident, CheckInStatus.SAFE, null));
		}
		SignedIn.as(comms, () -> this.incidents.resolve(resolved));
		return new Crisis(resolved, drill);
	}

	private long plan(String title) {
		return this.jdbc.queryForObject("""
				select p.id from crisis_plans p
				join crisis_plan_revisions r on r.plan_id = p.id and r.revision = p.current_revision
				where r.title = ?""", Long.class, title);
	}

	private record Crisis(long resolved, long drill) {
	}

}
