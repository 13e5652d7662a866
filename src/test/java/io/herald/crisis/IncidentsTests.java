package io.herald.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.herald.shared.ChangeRefused;
import io.herald.shared.InvalidChange;
import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import io.herald.tracking.Receipts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Incidents on PostgreSQL: activating reaches exactly the scope with a CRITICAL alert
 * that asks for a check-in; check-ins are one row per person, idempotent, changeable,
 * counted exactly under concurrency, refused to outsiders and after resolving.
 */
@SpringBootTest
@WithUserDetails(Plans.COMMS)
class IncidentsTests implements PostgresIntegrationTest {

	@Autowired
	Incidents incidents;

	@Autowired
	IncidentRoster roster;

	@Autowired
	CrisisPlans plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Receipts receipts;

	IncidentFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new IncidentFixture(this.jdbc, Organisation.of(this.context));
	}

	@Test
	void activatingPublishesACriticalCheckInAlertToTheScopeOnly() {
		long warsaw = this.fixture.location("Warsaw office");
		long berlin = this.fixture.location("Berlin office");
		List<Long> inWarsaw = this.fixture.people(3, warsaw);
		List<Long> inBerlin = this.fixture.people(2, berlin);
		long plan = this.fixture.plan(this.plans);

		OpenedIncident opened = this.incidents.activate(plan, IncidentFixture.at(warsaw, false));

		assertThat(opened.recipients()).isEqualTo(3);
		assertThat(this.jdbc.queryForList("select employee_id from deliveries where announcement_id = ?", Long.class,
				opened.announcementId()))
			.containsExactlyInAnyOrderElementsOf(inWarsaw)
			.doesNotContainAnyElementsOf(inBerlin);
		var alert = this.jdbc.queryForMap(
				"select a.title, a.body, a.priority, a.ack_required, a.status, a.check_in_path, c.slug, c.kind "
						+ "from announcements a join channels c on c.id = a.channel_id where a.id = ?",
				opened.announcementId());
		assertThat(alert.get("title")).isEqualTo("Fire at " + this.fixture.locationName(warsaw));
		assertThat((String) alert.get("body")).startsWith("Leave the building now. Alarm raised at ")
			.doesNotContain("{time}");
		assertThat(alert.get("priority")).isEqualTo("CRITICAL");
		assertThat(alert.get("ack_required")).isEqualTo(true);
		assertThat(alert.get("status")).isEqualTo("PUBLISHED");
		assertThat(alert.get("check_in_path")).isEqualTo("/crisis/incidents/" + opened.id() + "/check-in");
		assertThat(alert.get("slug")).isEqualTo("crisis-alerts");
		assertThat(alert.get("kind")).isEqualTo("COMPANY");

		IncidentView view = this.roster.find(opened.id());
		assertThat(view.status()).isEqualTo(IncidentStatus.OPEN);
		assertThat(view.drill()).isFalse();
		assertThat(view.recipients()).isEqualTo(3);
		assertThat(view.noResponse()).isEqualTo(3);
		assertThat(view.locations()).containsExactly(this.fixture.locationName(warsaw));
		assertThat(view.byLocation()).singleElement()
			.satisfies((row) -> assertThat(row.location()).isEqualTo(this.fixture.locationName(warsaw)));
		assertThat(this.roster.incidents()).extracting(IncidentSummary::id).contains(opened.id());
	}

	@Test
	void aDrillIsMarkedDrillInItsAlertAndAllClear() {
		long site = this.fixture.location("Drill site");
		this.fixture.people(1, site);

		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, true));
		this.incidents.resolve(opened.id());

		assertThat(this.jdbc.queryForObject("select title from announcements where id = ?", String.class,
				opened.announcementId()))
			.startsWith("DRILL: Fire at");
		assertThat(this.jdbc.queryForObject(
				"select a.title from announcements a join crisis_incidents i on i.all_clear_id = a.id where i.id = ?",
				String.class, opened.id()))
			.isEqualTo("DRILL: All clear");
		assertThat(this.roster.find(opened.id()).drill()).isTrue();
	}

	@Test
	void aScopeOfNobodyOrAnEmptyAlertIsRefusedAndNothingIsSent() {
		long plan = this.fixture.plan(this.plans);
		long empty = this.fixture.location("Empty site");
		int before = this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Integer.class,
				plan);

		assertThatThrownBy(() -> this.incidents.activate(plan,
				new Activation(new IncidentScope(false, java.util.Set.of(), java.util.Set.of()), " ", "", false)))
			.isInstanceOfSatisfying(InvalidChange.class,
					(refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::field)
						.containsExactlyInAnyOrder("everyone", "title", "body"));
		assertThatThrownBy(() -> this.incidents.activate(plan, IncidentFixture.at(empty, false)))
			.isInstanceOf(InvalidChange.class);

		assertThat(this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Integer.class,
				plan))
			.isEqualTo(before);
	}

	@Test
	void checkingInIsIdempotentCanBeChangedAndAcknowledgesTheAlert() {
		long site = this.fixture.location("Check-in site");
		List<Long> people = this.fixture.people(2, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		long person = people.get(0);

		IncidentFixture.as(person, () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));
		IncidentFixture.as(person, () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));

		IncidentView once = this.roster.find(opened.id());
		assertThat(once.safe()).isEqualTo(1);
		assertThat(once.noResponse()).isEqualTo(1);
		assertThat(once.recentlySafe()).extracting(IncidentView.RosterPerson::id).containsExactly(person);
		assertThat(this.jdbc.queryForObject(
				"select acknowledged_at is not null from deliveries where announcement_id = ? and employee_id = ?",
				Boolean.class, opened.announcementId(), person))
			.isTrue();

		IncidentFixture.as(person,
				() -> this.incidents.checkIn(opened.id(), CheckInStatus.NEED_HELP, "  Trapped on floor 3  "));

		IncidentView changed = this.roster.find(opened.id());
		assertThat(changed.safe()).isZero();
		assertThat(changed.needHelp()).isEqualTo(1);
		assertThat(changed.needingHelp()).singleElement().satisfies((row) -> {
			assertThat(row.id()).isEqualTo(person);
			assertThat(row.note()).isEqualTo("Trapped on floor 3");
		});
		assertThat(changed.notResponded()).extracting(IncidentView.RosterPerson::id).containsExactly(people.get(1));
	}

	@Test
	void aPlainAcknowledgementOfTheAlertIsRefusedSinceItAsksWhetherYouAreSafe() {
		long site = this.fixture.location("Plain ack site");
		long person = this.fixture.people(1, site).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		assertThatThrownBy(
				() -> IncidentFixture.as(person, () -> this.receipts.acknowledge(opened.announcementId(), null)))
			.isInstanceOf(ChangeRefused.class)
			.extracting((refused) -> ((ChangeRefused) refused).code())
			.isEqualTo("tracking.ack.checkInInstead");
		assertThat(this.jdbc.queryForObject(
				"select acknowledged_at is null from deliveries where announcement_id = ? and employee_id = ?",
				Boolean.class, opened.announcementId(), person))
			.isTrue();
	}

	@Test
	void someoneWhoJoinedTheAudienceAfterActivationCanCheckInAndIsCounted() {
		long site = this.fixture.location("Late site");
		this.fixture.people(1, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		long newcomer = this.fixture.people(1, site).get(0);
		// What LateJoiners does for a transfer into the scope.
		this.jdbc.update("insert into deliveries (announcement_id, employee_id, published_at, delivered_at, "
				+ "late_joiner, location_id) select a.id, ?, a.published_at, now(), true, ? from announcements a "
				+ "where a.id = ?", newcomer, site, opened.announcementId());

		IncidentFixture.as(newcomer, () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));

		IncidentView view = this.roster.find(opened.id());
		assertThat(view.safe()).isEqualTo(1);
		assertThat(view.noResponse()).isEqualTo(1);
	}

	@Test
	void aPlanWithAnOpenIncidentIsNotActivatedAgain() {
		long site = this.fixture.location("Twice site");
		this.fixture.people(2, site);
		long plan = this.fixture.plan(this.plans);
		this.incidents.activate(plan, IncidentFixture.at(site, false));

		assertThatThrownBy(() -> this.incidents.activate(plan, IncidentFixture.at(site, false)))
			.isInstanceOf(InvalidChange.class)
			.extracting((refused) -> ((InvalidChange) refused).problems().get(0).code())
			.isEqualTo("crisis.incident.alreadyOpen");
		assertThat(
				this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class, plan))
			.isOne();
	}

	@Test
	void someoneOutsideTheScopeCannotCheckInAndIsToldItDoesNotExist() {
		long inside = this.fixture.location("Inside");
		long outside = this.fixture.location("Outside");
		this.fixture.people(1, inside);
		long outsider = this.fixture.people(1, outside).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(inside, false));

		assertThatThrownBy(
				() -> IncidentFixture.as(outsider, () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null)))
			.isInstanceOf(IncidentNotFound.class);
		assertThatThrownBy(() -> IncidentFixture.as(outsider,
				() -> this.incidents.checkIn(Long.MAX_VALUE, CheckInStatus.SAFE, null)))
			.isInstanceOf(IncidentNotFound.class);
	}

	@Test
	void resolvingSendsTheAllClearClosesCheckInsAndEndsTheAlert() {
		long site = this.fixture.location("Resolved site");
		List<Long> people = this.fixture.people(2, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		IncidentFixture.as(people.get(0), () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));

		this.incidents.resolve(opened.id());

		IncidentView view = this.roster.find(opened.id());
		assertThat(view.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(view.resolvedAt()).isNotNull();
		assertThat(view.resolvedBy()).isEqualTo("Olivia Bennett");
		assertThat(view.afterAction()).isNotNull();
		assertThat(view.afterAction().toHalf()).isNotNull();
		assertThat(view.afterAction().toEveryone()).isNull();
		var allClear = this.jdbc
			.queryForMap("select a.id, a.title, a.priority, a.ack_required, a.status from announcements a "
					+ "join crisis_incidents i on i.all_clear_id = a.id where i.id = ?", opened.id());
		assertThat(allClear.get("title")).isEqualTo("All clear");
		assertThat(allClear.get("priority")).isEqualTo("IMPORTANT");
		assertThat(allClear.get("ack_required")).isEqualTo(false);
		assertThat(allClear.get("status")).isEqualTo("PUBLISHED");
		assertThat(this.jdbc.queryForList("select employee_id from deliveries where announcement_id = ?", Long.class,
				allClear.get("id")))
			.containsExactlyInAnyOrderElementsOf(people);
		assertThat(this.jdbc.queryForObject("select expires_at is not null from announcements where id = ?",
				Boolean.class, opened.announcementId()))
			.isTrue();

		assertThatThrownBy(() -> IncidentFixture.as(people.get(1),
				() -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null)))
			.isInstanceOfSatisfying(ChangeRefused.class,
					(refused) -> assertThat(refused.code()).isEqualTo("crisis.checkIn.closed"));
		assertThatThrownBy(() -> this.incidents.resolve(opened.id())).isInstanceOf(ChangeRefused.class);
		assertThat(this.roster.find(opened.id()).noResponse()).isEqualTo(1);
	}

	@Test
	@WithUserDetails(Plans.HR)
	void hrCanReadButNeitherActivateNorResolve() {
		assertThatThrownBy(() -> this.incidents.activate(1L, IncidentFixture.at(1L, false)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.incidents.resolve(1L)).isInstanceOf(AccessDeniedException.class);
		assertThat(this.roster.incidents()).isNotNull();
	}

	@Test
	void twoThousandConcurrentCheckInsAreAllRecordedAndCountedExactly() throws Exception {
		long site = this.fixture.location("Large site");
		List<Long> people = this.fixture.people(2000, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		assertThat(opened.recipients()).isEqualTo(2000);

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < people.size(); i++) {
				long person = people.get(i);
				CheckInStatus status = (i % 4 == 0) ? CheckInStatus.NEED_HELP : CheckInStatus.SAFE;
				work.add(threads.submit(() -> {
					start.await();
					IncidentFixture.as(person, () -> this.incidents.checkIn(opened.id(), status, null));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> done : work) {
				done.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		IncidentView view = this.roster.find(opened.id());
		assertThat(view.safe()).isEqualTo(1500);
		assertThat(view.needHelp()).isEqualTo(500);
		assertThat(view.noResponse()).isZero();
		assertThat(view.byLocation()).singleElement().satisfies((row) -> {
			assertThat(row.recipients()).isEqualTo(2000);
			assertThat(row.safe()).isEqualTo(1500);
		});
		assertThat(this.jdbc.queryForObject(
				"select count(*) from deliveries where announcement_id = ? and acknowledged_at is not null",
				Integer.class, opened.announcementId()))
			.isEqualTo(2000);
	}

}
