package io.herald.crisis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.herald.shared.ChangeRefused;
import io.herald.shared.InvalidChange;
import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Running an incident on PostgreSQL: updates to the scope, the checklist, re-notifying
 * the no-response group, and the timeline that records it all.
 */
@SpringBootTest
@WithUserDetails(Plans.COMMS)
class IncidentResponseTests implements PostgresIntegrationTest {

	@Autowired
	Incidents incidents;

	@Autowired
	IncidentResponse response;

	@Autowired
	IncidentReports reports;

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
	void anUpdateGoesToTheScopeAsAnImportantPostWithoutAckAndJoinsTheTimeline() {
		long site = this.fixture.location("Update site");
		List<Long> people = this.fixture.people(2, site);
		this.fixture.people(1, this.fixture.location("Elsewhere"));
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		IncidentUpdate prepared = this.response.prepareUpdate(opened.id());
		assertThat(prepared).isEqualTo(new IncidentUpdate("Update", "Stay at the assembly point."));

		long post = this.response
			.postUpdate(opened.id(), new IncidentUpdate("Update for {location}", "Stay at the assembly point."))
			.announcementId();

		var sent = this.jdbc.queryForMap("select title, priority, ack_required, status from announcements where id = ?",
				post);
		assertThat(sent.get("title")).isEqualTo("Update for " + this.fixture.locationName(site));
		assertThat(sent.get("priority")).isEqualTo("IMPORTANT");
		assertThat(sent.get("ack_required")).isEqualTo(false);
		assertThat(sent.get("status")).isEqualTo("PUBLISHED");
		assertThat(this.jdbc.queryForList("select employee_id from deliveries where announcement_id = ?", Long.class,
				post))
			.containsExactlyInAnyOrderElementsOf(people);

		this.incidents.resolve(opened.id());
		List<TimelineEntry> timeline = this.response.timeline(opened.id());
		assertThat(timeline).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED, TimelineEntry.Kind.UPDATE, TimelineEntry.Kind.RESOLVED);
		assertThat(timeline.get(1).body()).isEqualTo("Stay at the assembly point.");
		assertThat(timeline.get(1).people()).isEqualTo(2);
		assertThat(timeline.get(1).by()).isNotBlank();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'crisis.incident.updated' and target_id = ?",
				Integer.class, opened.id()))
			.isEqualTo(1);

		assertThatThrownBy(() -> this.response.postUpdate(opened.id(), new IncidentUpdate("Late", "Too late.")))
			.isInstanceOf(ChangeRefused.class);
	}

	@Test
	void anUpdateWithoutTextIsRefusedAndNothingIsSent() {
		long site = this.fixture.location("Empty update site");
		this.fixture.people(1, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		assertThatThrownBy(() -> this.response.postUpdate(opened.id(), new IncidentUpdate(" ", " ")))
			.isInstanceOf(InvalidChange.class);
		assertThat(this.response.timeline(opened.id())).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED);
	}

	@Test
	void checklistStepsAreTickedOnceWithWhoAndWhenAndJoinTheTimeline() {
		long site = this.fixture.location("Checklist site");
		this.fixture.people(1, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		assertThat(this.response.checklist(opened.id())).extracting(ChecklistItem::description)
			.containsExactly("Sound the alarm", "Count people at the assembly point");
		assertThat(this.response.checklist(opened.id())).noneMatch(ChecklistItem::done);

		assertThat(this.response.tick(opened.id(), 2)).isTrue();
		assertThat(this.response.tick(opened.id(), 2)).isFalse();
		assertThatThrownBy(() -> this.response.tick(opened.id(), 99)).isInstanceOf(InvalidChange.class);

		List<ChecklistItem> checklist = this.response.checklist(opened.id());
		assertThat(checklist.get(0).done()).isFalse();
		assertThat(checklist.get(1).done()).isTrue();
		assertThat(checklist.get(1).doneBy()).isNotBlank();
		assertThat(this.response.timeline(opened.id())).extracting(TimelineEntry::kind, TimelineEntry::title)
			.containsExactly(tuple(TimelineEntry.Kind.OPENED, "Fire at " + this.fixture.locationName(site)),
					tuple(TimelineEntry.Kind.STEP, "Count people at the assembly point"));

		this.incidents.resolve(opened.id());
		assertThatThrownBy(() -> this.response.tick(opened.id(), 1)).isInstanceOf(ChangeRefused.class);
	}

	@Test
	void reNotifyingRemindsOnlyThoseWithoutAnAnswerOnceWithinTheWindow() {
		long site = this.fixture.location("Renotify site");
		List<Long> people = this.fixture.people(3, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		IncidentFixture.as(people.get(0), () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));

		assertThat(this.response.renotify(opened.id())).isEqualTo(2);
		assertThatThrownBy(() -> this.response.renotify(opened.id())).isInstanceOf(ChangeRefused.class)
			.hasFieldOrPropertyWithValue("code", "crisis.renotify.tooSoon");

		assertThat(this.jdbc.queryForList("select employee_id from outbox_messages where idempotency_key like ?",
				Long.class, "crisis-renotify:" + opened.id() + ":%"))
			.containsExactlyInAnyOrder(people.get(1), people.get(2));
		assertThat(this.jdbc.queryForList(
				"select employee_id from notifications where kind = 'REMINDER' and announcement_id = ?", Long.class,
				opened.announcementId()))
			.containsExactlyInAnyOrder(people.get(1), people.get(2));
		assertThat(this.jdbc.queryForObject("select critical from outbox_messages where idempotency_key like ? limit 1",
				Boolean.class, "crisis-renotify:" + opened.id() + ":%"))
			.isTrue();
		assertThat(this.response.timeline(opened.id())).extracting(TimelineEntry::kind, TimelineEntry::people)
			.containsExactly(tuple(TimelineEntry.Kind.OPENED, 3), tuple(TimelineEntry.Kind.RENOTIFIED, 2));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'crisis.incident.renotified' and target_id = ?",
				Integer.class, opened.id()))
			.isEqualTo(1);

		this.incidents.resolve(opened.id());
		assertThatThrownBy(() -> this.response.renotify(opened.id())).isInstanceOf(ChangeRefused.class)
			.hasFieldOrPropertyWithValue("code", "crisis.renotify.closed");
	}

	@Test
	void theAfterActionReportHasFiguresCasesChecklistAndTimelineAndItsCsvIsSafe() throws Exception {
		long site = this.fixture.location("Report site");
		List<Long> people = this.fixture.people(2, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));
		assertThatThrownBy(() -> this.reports.report(opened.id())).isInstanceOf(ChangeRefused.class);
		IncidentFixture.as(people.get(0), () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));
		IncidentFixture.as(people.get(1),
				() -> this.incidents.checkIn(opened.id(), CheckInStatus.NEED_HELP, "=HYPERLINK(\"x\") stuck"));
		this.response.tick(opened.id(), 1);
		this.incidents.resolve(opened.id());

		IncidentReport report = this.reports.report(opened.id());
		assertThat(report.needHelp()).singleElement().satisfies((help) -> {
			assertThat(help.employeeId()).isEqualTo(people.get(1));
			assertThat(help.note()).startsWith("=HYPERLINK");
			assertThat(help.answeredAt()).isNotNull();
		});
		assertThat(report.stepsDone()).isEqualTo(1);
		assertThat(report.checklist()).hasSize(2);
		assertThat(report.incident().afterAction().toEveryone()).isNotNull();
		assertThat(report.timeline()).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED, TimelineEntry.Kind.STEP, TimelineEntry.Kind.RESOLVED);

		byte[] csv = this.reports.csv(opened.id());
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("section,time,what,who,title,detail\r\n")
			.contains("summary,,recipients,,,2")
			.contains("summary,,checklist_done,,,1/2")
			.contains("summary,,time_to_100_percent,,,PT")
			.contains("'=HYPERLINK")
			.contains("timeline,")
			.contains("checklist,")
			.doesNotContain(",=HYPERLINK");
	}

	@Test
	void hrReadsTheTimelineButCannotRunTheIncident() {
		long site = this.fixture.location("HR site");
		this.fixture.people(1, site);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans), IncidentFixture.at(site, false));

		withHr(() -> {
			assertThat(this.response.timeline(opened.id())).hasSize(1);
			assertThat(this.response.checklist(opened.id())).hasSize(2);
			assertThatThrownBy(() -> this.response.tick(opened.id(), 0)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.response.postUpdate(opened.id(), new IncidentUpdate("t", "b")))
				.isInstanceOf(AccessDeniedException.class);
		});
	}

	private void withHr(Runnable work) {
		var before = SecurityContextHolder.getContext().getAuthentication();
		var hr = UsernamePasswordAuthenticationToken.authenticated(before.getPrincipal(), null,
				AuthorityUtils.createAuthorityList("ROLE_HR"));
		SecurityContextHolder.getContext().setAuthentication(hr);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

}
