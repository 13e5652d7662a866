package io.herald.crisis;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.herald.announcement.Feed;
import io.herald.announcement.FeedItem;
import io.herald.notification.OutboxDriver;
import io.herald.shared.SignedInPerson;
import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import io.herald.support.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people hear after the alert, on PostgreSQL with a real SMTP server: updates and
 * the all-clear reach everyone the alert reached in the app and by e-mail, whatever their
 * preferences; checking in puts the alert's notification to rest; the alert stays on top
 * of the feed while the incident is open; a drill's posts are marked as a drill; the
 * reach shown before sending is the number the alert reaches; and times are the place's.
 */
@SpringBootTest(properties = "herald.base-url=https://herald.example.test/")
@WithUserDetails(Plans.COMMS)
class CrisisFollowUpTests implements PostgresIntegrationTest {

	static final int SMTP_PORT = SmtpServer.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = SmtpServer.on(SMTP_PORT).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		SmtpServer.pointHeraldAt(SMTP_PORT, registry);
	}

	@Autowired
	Incidents incidents;

	@Autowired
	IncidentResponse response;

	@Autowired
	CheckInLinks links;

	@Autowired
	CrisisPlans plans;

	@Autowired
	Feed feed;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	IncidentFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new IncidentFixture(this.jdbc, Organisation.of(this.context));
	}

	@Test
	void updatesAndTheAllClearReachEveryoneTheAlertReachedInTheAppAndByEmailWhateverTheirPreferences()
			throws Exception {
		long site = this.fixture.location("Follow-up site");
		List<Long> people = this.fixture.people(3, site);
		long inAppOnly = people.get(0);
		long digest = people.get(1);
		long movesAway = people.get(2);
		this.jdbc.update("insert into notification_preferences (employee_id, mode) values (?, 'IN_APP'), (?, "
				+ "'EMAIL_DIGEST')", inAppOnly, digest);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		// Transferred after the alert: no longer in the scope, still owed the news.
		Organisation.of(this.context).move(movesAway, null, this.fixture.location("Transferred to"));

		FollowUpSent update = this.response.postUpdate(opened.id(),
				new IncidentUpdate("Fire brigade on site", "Stay at the assembly point."));
		int told = this.incidents.resolve(opened.id(),
				new IncidentUpdate("All clear at {location}", "You may go back in."));

		assertThat(update.recipients()).isEqualTo(3);
		assertThat(told).isEqualTo(3);
		long allClear = this.jdbc.queryForObject("select all_clear_id from crisis_incidents where id = ?", Long.class,
				opened.id());
		for (long post : List.of(update.announcementId(), allClear)) {
			Map<Long, String> linkByPerson = inApp(post);
			assertThat(linkByPerson).containsOnlyKeys(people);
			assertThat(linkByPerson.get(inAppOnly)).isEqualTo("/announcements/" + post);
			// The post did not reach whoever moved away: they are sent to the alert.
			assertThat(linkByPerson.get(movesAway)).isEqualTo("/announcements/" + opened.announcementId());
			assertThat(this.jdbc.queryForList("select critical from notifications where announcement_id = ?",
					Boolean.class, post))
				.containsOnly(true)
				// Once each: publishing's own notices for IMPORTANT posts leave these to
				// crisis.
				.hasSize(people.size());
		}
		assertThat(this.jdbc.queryForList(
				"select people from crisis_incident_events where incident_id = ? and kind = 'UPDATE'", Integer.class,
				opened.id()))
			.containsExactly(3);

		OutboxDriver.sendDue(this.context);
		String place = this.fixture.locationName(site);
		for (long person : people) {
			String email = email(person);
			MimeMessage updateMail = mail(email, "Fire brigade on site");
			assertThat(SmtpServer.parts(updateMail).get("text/plain")).contains("Stay at the assembly point.");
			MimeMessage allClearMail = mail(email, "All clear at " + place);
			assertThat(SmtpServer.parts(allClearMail).get("text/plain")).contains("You may go back in.");
		}
	}

	@Test
	void checkingInPutsTheAlertsNotificationToRestForThatPersonOnly() {
		long site = this.fixture.location("Read on check-in site");
		List<Long> people = this.fixture.people(3, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		assertThat(unread(opened.announcementId(), people)).containsExactlyInAnyOrderElementsOf(people);

		IncidentFixture.as(people.get(0), () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));
		String link = this.links.link(opened.id(), people.get(1));
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		this.links.answer(link.substring(CheckInLinks.PATH.length()), CheckInStatus.NEED_HELP, "Stuck");

		assertThat(unread(opened.announcementId(), people)).containsExactly(people.get(2));
	}

	@Test
	void anUpdatesEmailAsksOnlyThoseWhoHaveNotAnsweredToCheckInAndTheAllClearsAsksNobody() {
		long site = this.fixture.location("Update links site");
		List<Long> people = this.fixture.people(2, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		IncidentFixture.as(people.get(0), () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));
		long update = this.response.postUpdate(opened.id(), new IncidentUpdate("Update", "Stay out.")).announcementId();

		assertThat(this.links.actionsFor(people.get(0), update)).isEmpty();
		assertThat(this.links.actionsFor(people.get(1), update)).extracting((action) -> action.labelCode())
			.containsExactly("crisis.checkIn.safe", "crisis.checkIn.needHelp");

		this.incidents.resolve(opened.id());
		long allClear = this.jdbc.queryForObject("select all_clear_id from crisis_incidents where id = ?", Long.class,
				opened.id());
		assertThat(this.links.actionsFor(people.get(1), allClear)).isEmpty();
		assertThat(this.links.actionsFor(people.get(1), update)).isEmpty();
	}

	@Test
	void theAlertIsPinnedOnTopOfTheFeedWhileTheIncidentIsOpen() {
		long site = this.fixture.location("Pinned site");
		long person = this.fixture.people(1, site).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		long update = this.response.postUpdate(opened.id(), new IncidentUpdate("Update", "Still burning."))
			.announcementId();

		List<FeedItem> items = IncidentFixture.as(person, () -> this.feed.page(null, null, 10).items());
		assertThat(items.get(0).id()).isEqualTo(opened.announcementId());
		assertThat(items.get(0).pinned()).isTrue();
		assertThat(items).extracting(FeedItem::id).contains(update);

		this.incidents.resolve(opened.id());
		List<FeedItem> after = IncidentFixture.as(person, () -> this.feed.page(null, null, 10).items());
		assertThat(after).extracting(FeedItem::id).doesNotContain(opened.announcementId());
		assertThat(after).noneMatch(FeedItem::pinned);
	}

	@Test
	void aDrillsAlertUpdateAndAllClearAreMarkedAsADrillAndARealIncidentsAreNot() {
		long site = this.fixture.location("Drill posts site");
		this.fixture.people(1, site);
		OpenedIncident drill = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, true));
		long update = this.response.postUpdate(drill.id(), new IncidentUpdate("Update", "Drill going well."))
			.announcementId();
		this.incidents.resolve(drill.id());
		long allClear = this.jdbc.queryForObject("select all_clear_id from crisis_incidents where id = ?", Long.class,
				drill.id());
		assertThat(drillFlags(drill.announcementId(), update, allClear)).containsOnly(true);

		OpenedIncident real = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		assertThat(drillFlags(real.announcementId())).containsOnly(false);
	}

	@Test
	void theReachShownBeforeSendingIsHowManyTheAlertReaches() {
		long site = this.fixture.location("Reach site");
		this.fixture.people(4, site);
		long empty = this.fixture.location("Empty reach site");
		IncidentScope scope = new IncidentScope(false, Set.of(site), Set.of());

		long reach = this.incidents.reach(scope);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		assertThat(reach).isEqualTo(4).isEqualTo(opened.recipients());
		assertThat(this.incidents.reach(new IncidentScope(false, Set.of(empty), Set.of()))).isZero();
		assertThat(this.incidents.reach(new IncidentScope(false, Set.of(), Set.of()))).isZero();
	}

	@Test
	void aWarsawAlertSentFromLondonTellsWarsawTimeAndNamesTheZone() {
		long warsaw = this.fixture.location("Warsaw zone site");
		this.fixture.people(1, warsaw);
		long plan = this.fixture.plan(this.plans);
		long comms = this.jdbc.queryForObject("select id from employees where email = ?", Long.class, Plans.COMMS);

		OpenedIncident opened = SignedIn.as(inLondon(comms),
				() -> this.incidents.activate(plan, IncidentFixture.at(warsaw, false)));

		String body = this.jdbc.queryForObject("select body from announcements where id = ?", String.class,
				opened.announcementId());
		Instant openedAt = this.jdbc
			.queryForObject("select opened_at from crisis_incidents where id = ?", java.sql.Timestamp.class,
					opened.id())
			.toInstant();
		Matcher said = Pattern.compile("Alarm raised at (\\d\\d):(\\d\\d) (CES?T)\\.").matcher(body);
		assertThat(said.find()).as(body).isTrue();
		var inWarsaw = openedAt.atZone(ZoneId.of("Europe/Warsaw"));
		assertThat(Integer.parseInt(said.group(1))).isEqualTo(inWarsaw.getHour());
		assertThat(Integer.parseInt(said.group(2))).isEqualTo(inWarsaw.getMinute());
		assertThat(said.group(3)).isEqualTo(inWarsaw.getZone().getRules().isDaylightSavings(openedAt) ? "CEST" : "CET");
	}

	private Map<Long, String> inApp(long post) {
		Map<Long, String> links = new java.util.HashMap<>();
		this.jdbc.query("select employee_id, link from notifications where announcement_id = ?",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> links.put(rs.getLong(1), rs.getString(2)),
				post);
		return links;
	}

	private List<Long> unread(long announcementId, List<Long> people) {
		return this.jdbc.queryForList(
				"select employee_id from notifications where announcement_id = ? and read_at is null "
						+ "and employee_id = any(?) order by employee_id",
				Long.class, announcementId, people.toArray(Long[]::new));
	}

	private List<Boolean> drillFlags(Long... posts) {
		return this.jdbc.queryForList("select drill from announcements where id = any(?)", Boolean.class,
				(Object) posts);
	}

	private String email(long person) {
		return this.jdbc.queryForObject("select email from employees where id = ?", String.class, person);
	}

	/**
	 * The e-mail to this address whose subject names {@code title}, waiting for it.
	 */
	private static MimeMessage mail(String email, String title) throws MessagingException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			MimeMessage found = Arrays.stream(smtp.getReceivedMessagesForDomain(email))
				.filter((mail) -> subject(mail).contains(title))
				.findFirst()
				.orElse(null);
			if (found != null) {
				return found;
			}
			smtp.waitForIncomingEmail(500, 1);
		}
		throw new AssertionError("No e-mail about '" + title + "' reached " + email);
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private static UsernamePasswordAuthenticationToken inLondon(long employeeId) {
		SignedInPerson person = new SignedInPerson() {

			@Override
			public long accountId() {
				return -employeeId;
			}

			@Override
			public long employeeId() {
				return employeeId;
			}

			@Override
			public String email() {
				return Plans.COMMS;
			}

			@Override
			public ZoneId timeZone() {
				return ZoneId.of("Europe/London");
			}

			@Override
			public Locale locale() {
				return Locale.ENGLISH;
			}

		};
		return UsernamePasswordAuthenticationToken.authenticated(person, null,
				AuthorityUtils.createAuthorityList("ROLE_COMMS_MANAGER"));
	}

}
