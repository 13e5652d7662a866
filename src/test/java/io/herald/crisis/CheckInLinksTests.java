package io.herald.crisis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.herald.crisis.CheckInLink.State;
import io.herald.notification.MailActions.MailAction;
import io.herald.shared.InvalidChange;
import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-click check-in links on PostgreSQL: a link checks in its own person, without anyone
 * signed in, once; altered, expired, used links and links of resolved incidents change
 * nothing and say why; racing uses of one link record one answer; e-mails about an open
 * incident's alert carry the links, and no other e-mail does.
 */
@SpringBootTest
@WithUserDetails(Plans.COMMS)
class CheckInLinksTests implements PostgresIntegrationTest {

	@Autowired
	CheckInLinks links;

	@Autowired
	CheckInLinkKey key;

	@Autowired
	Incidents incidents;

	@Autowired
	CrisisPlans plans;

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
	void aLinkChecksInItsPersonWithoutSigningInAndOnlyOnce() {
		long location = this.fixture.location("Link office");
		List<Long> people = this.fixture.people(2, location);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), people.get(0)));
		SecurityContextHolder.clearContext();

		CheckInLink shown = this.links.open(token);
		assertThat(shown.state()).isEqualTo(State.USABLE);
		assertThat(shown.personName()).isEqualTo("Ines Person 1");
		assertThat(shown.status()).isEqualTo(CheckInStatus.NO_RESPONSE);
		assertThat(status(opened.id(), people.get(0))).containsEntry("status", "NO_RESPONSE");

		CheckInLink answered = this.links.answer(token, CheckInStatus.NEED_HELP, "  Stuck on the 3rd floor ");

		assertThat(answered.state()).isEqualTo(State.ANSWERED);
		assertThat(answered.status()).isEqualTo(CheckInStatus.NEED_HELP);
		assertThat(status(opened.id(), people.get(0))).containsEntry("status", "NEED_HELP")
			.containsEntry("note", "Stuck on the 3rd floor")
			.containsEntry("answered_via", "LINK");
		assertThat(status(opened.id(), people.get(1))).containsEntry("status", "NO_RESPONSE");
		assertThat(this.jdbc.queryForObject(
				"select acknowledged_at is not null from deliveries where announcement_id = ? and employee_id = ?",
				Boolean.class, opened.announcementId(), people.get(0)))
			.isTrue();

		assertThat(this.links.answer(token, CheckInStatus.SAFE, null).state()).isEqualTo(State.USED);
		assertThat(this.links.open(token).state()).isEqualTo(State.USED);
		assertThat(status(opened.id(), people.get(0))).containsEntry("status", "NEED_HELP");
	}

	@Test
	void aLinkCannotTakeBackACallForHelpButCanAddToIt() {
		long location = this.fixture.location("Help office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), person));
		IncidentFixture.as(person,
				() -> this.incidents.checkIn(opened.id(), CheckInStatus.NEED_HELP, "Trapped in the lift"));
		SecurityContextHolder.clearContext();

		CheckInLink refused = this.links.answer(token, CheckInStatus.SAFE, null);

		assertThat(refused.state()).isEqualTo(State.HELP_ASKED);
		assertThat(status(opened.id(), person)).containsEntry("status", "NEED_HELP")
			.containsEntry("note", "Trapped in the lift")
			.containsEntry("answered_via", "APP");
		assertThat(this.links.open(token).state()).isEqualTo(State.USABLE);
		assertThat(this.links.answer(token, CheckInStatus.NEED_HELP, "Lift 2, 4th floor").state())
			.isEqualTo(State.ANSWERED);
		assertThat(status(opened.id(), person)).containsEntry("note", "Lift 2, 4th floor");
	}

	@Test
	void anAlteredLinkSaysNothingAndChangesNothing() {
		long location = this.fixture.location("Altered office");
		List<Long> people = this.fixture.people(2, location);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), people.get(0)));
		String otherPerson = token.replaceFirst("^(\\d+)\\.\\d+\\.", "$1." + people.get(1) + ".");
		String otherIncident = token.replaceFirst("^\\d+\\.", (opened.id() + 1) + ".");
		SecurityContextHolder.clearContext();

		for (String altered : List.of(otherPerson, otherIncident, token + "x", "nonsense")) {
			assertThat(this.links.open(altered)).isEqualTo(CheckInLink.invalid());
			assertThat(this.links.answer(altered, CheckInStatus.SAFE, null).state()).isEqualTo(State.INVALID);
		}
		assertThat(status(opened.id(), people.get(0))).containsEntry("status", "NO_RESPONSE");
		assertThat(status(opened.id(), people.get(1))).containsEntry("status", "NO_RESPONSE");
	}

	@Test
	void aLinkForSomeoneOutsideTheScopeDoesNotWork() {
		long location = this.fixture.location("Scoped office");
		long elsewhere = this.fixture.location("Elsewhere office");
		this.fixture.people(1, location);
		long outsider = this.fixture.people(1, elsewhere).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), outsider));

		assertThat(this.links.open(token).state()).isEqualTo(State.INVALID);
		assertThat(this.links.answer(token, CheckInStatus.SAFE, null).state()).isEqualTo(State.INVALID);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from crisis_check_ins where incident_id = ? and employee_id = ?", Integer.class,
				opened.id(), outsider))
			.isZero();
	}

	@Test
	void anExpiredLinkIsRefusedAndChangesNothing() {
		long location = this.fixture.location("Expired office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = CheckInToken.issue(opened.id(), person, Instant.now().minusSeconds(1)).sign(this.key.get());

		CheckInLink link = this.links.answer(token, CheckInStatus.SAFE, null);

		assertThat(link.state()).isEqualTo(State.EXPIRED);
		assertThat(link.incidentTitle()).isEqualTo("Fire at " + this.fixture.locationName(location));
		assertThat(status(opened.id(), person)).containsEntry("status", "NO_RESPONSE");
	}

	@Test
	void aLinkOfAResolvedIncidentSaysCheckInsAreClosed() {
		long location = this.fixture.location("Resolved office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), person));
		this.incidents.resolve(opened.id());

		assertThat(this.links.open(token).state()).isEqualTo(State.CLOSED);
		assertThat(this.links.answer(token, CheckInStatus.SAFE, null).state()).isEqualTo(State.CLOSED);
		assertThat(status(opened.id(), person)).containsEntry("status", "NO_RESPONSE");
		assertThat(this.links.actionsFor(person, opened.announcementId())).isEmpty();
	}

	@Test
	void anAnswerWithoutAStatusIsRefusedAndTheLinkStillWorks() {
		long location = this.fixture.location("Retry office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), person));

		assertThatThrownBy(() -> this.links.answer(token, null, "hello")).isInstanceOf(InvalidChange.class);
		assertThatThrownBy(() -> this.links.answer(token, CheckInStatus.SAFE, "x".repeat(501)))
			.isInstanceOf(InvalidChange.class);

		assertThat(this.links.open(token).state()).isEqualTo(State.USABLE);
		assertThat(this.links.answer(token, CheckInStatus.SAFE, null).state()).isEqualTo(State.ANSWERED);
	}

	@Test
	void racingUsesOfOneLinkRecordOneAnswer() throws Exception {
		long location = this.fixture.location("Race office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String token = token(this.links.link(opened.id(), person));
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<State>> results = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			for (int i = 0; i < racers; i++) {
				CheckInStatus answer = (i % 2 == 0) ? CheckInStatus.SAFE : CheckInStatus.NEED_HELP;
				results.add(pool.submit(() -> {
					start.await();
					return this.links.answer(token, answer, null).state();
				}));
			}
			start.countDown();
			List<State> states = new ArrayList<>();
			for (Future<State> result : results) {
				states.add(result.get());
			}
			assertThat(states).filteredOn((state) -> state == State.ANSWERED).hasSize(1);
			assertThat(states).filteredOn((state) -> state == State.USED).hasSize(racers - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_check_in_links_used where incident_id = ?",
				Integer.class, opened.id()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select acknowledged from delivery_counts where announcement_id = ? and acknowledged > 0",
				Integer.class, opened.announcementId()))
			.isEqualTo(1);
	}

	@Test
	void emailsAboutAnOpenIncidentsAlertCarryThePersonsOwnLinks() {
		long location = this.fixture.location("Mail office");
		List<Long> people = this.fixture.people(2, location);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));

		List<MailAction> actions = this.links.actionsFor(people.get(0), opened.announcementId());

		assertThat(actions).extracting(MailAction::labelCode)
			.containsExactly("crisis.checkIn.safe", "crisis.checkIn.needHelp");
		assertThat(actions.get(0).link()).startsWith("/check-in/").endsWith("?answer=SAFE");
		CheckInToken token = CheckInToken.verify(token(actions.get(0).link()), this.key.get()).orElseThrow();
		assertThat(token.incidentId()).isEqualTo(opened.id());
		assertThat(token.employeeId()).isEqualTo(people.get(0));
		assertThat(token.expiresAt()).isBetween(Instant.now().plusSeconds(23 * 3600),
				Instant.now().plusSeconds(24 * 3600 + 60));
		assertThat(token(this.links.actionsFor(people.get(1), opened.announcementId()).get(0).link()))
			.startsWith(opened.id() + "." + people.get(1) + ".");
		long otherPost = this.jdbc.queryForObject(
				"select max(id) from announcements where id not in "
						+ "(select announcement_id from crisis_incidents where announcement_id is not null)",
				Long.class);
		assertThat(this.links.actionsFor(people.get(0), otherPost)).isEmpty();
	}

	@Test
	void everyInstanceSignsWithTheOneStoredKey() {
		byte[] first = this.key.get();
		CheckInLinkKey another = new CheckInLinkKey(JdbcClient.create(this.jdbc),
				new DataSourceTransactionManager(this.jdbc.getDataSource()), Clock.systemUTC(),
				new CrisisSettings(Duration.ofHours(24), ""));

		assertThat(another.get()).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_link_keys", Integer.class)).isEqualTo(1);
	}

	private Map<String, Object> status(long incidentId, long employeeId) {
		return this.jdbc.queryForMap(
				"select status, note, answered_via from crisis_check_ins where incident_id = ? and employee_id = ?",
				incidentId, employeeId);
	}

	private static String token(String link) {
		String path = link.substring(CheckInLinks.PATH.length());
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

}
