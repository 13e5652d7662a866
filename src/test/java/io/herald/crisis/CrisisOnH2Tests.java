package io.herald.crisis;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.herald.HeraldApplication;
import io.herald.crisis.CheckInLink.State;
import io.herald.notification.MailActions.MailAction;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default runs a drill end to end on H2: activation on the demo plan, the
 * link key stored on first use, a one-click check-in, the drill report and resolving, so
 * a newcomer's `spring-boot:run` works as PostgreSQL does.
 */
class CrisisOnH2Tests {

	@TempDir
	Path dataDir;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aDrillWithAOneClickCheckInRunsOnH2() {
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.escalation.sweep-interval=1h")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long comms = jdbc.queryForObject("select id from employees where email = 'comms@herald.test'", Long.class);
			long plan = jdbc.queryForObject("select p.id from crisis_plans p join crisis_plan_revisions r "
					+ "on r.plan_id = p.id and r.revision = p.current_revision "
					+ "where r.title = 'Fire and evacuation: Warsaw office'", Long.class);
			long warsaw = jdbc.queryForObject("select id from locations where name = 'Warsaw'", Long.class);
			Incidents incidents = app.getBean(Incidents.class);
			signInAsCommsManager(comms);

			OpenedIncident opened = incidents.activate(plan,
					new Activation(new IncidentScope(false, Set.of(warsaw), Set.of()), "Fire drill at {location}",
							"Leave by the nearest exit.", true));
			long person = jdbc.queryForObject(
					"select min(employee_id) from crisis_check_ins where incident_id = ? and employee_id <> ?",
					Long.class, opened.id(), comms);

			CheckInLinks links = app.getBean(CheckInLinks.class);
			List<MailAction> actions = links.actionsFor(person, opened.announcementId());
			assertThat(actions).hasSize(2);
			String token = actions.get(0).link().substring(CheckInLinks.PATH.length()).replace("?answer=SAFE", "");
			SecurityContextHolder.clearContext();
			assertThat(links.answer(token, CheckInStatus.SAFE, "At the assembly point").state())
				.isEqualTo(State.ANSWERED);
			assertThat(links.answer(token, CheckInStatus.SAFE, null).state()).isEqualTo(State.USED);
			assertThat(jdbc.queryForObject("select count(*) from crisis_link_keys", Integer.class)).isOne();

			signInAsCommsManager(comms);
			DrillReport report = app.getBean(IncidentReports.class).drill(opened.id());
			assertThat(report.answeredVia()).containsEntry(AnsweredVia.LINK, 1L);
			assertThat(report.inApp()).isEqualTo(opened.recipients());
			// Answered by link: the alert waits in their inbox no more.
			assertThat(jdbc.queryForList(
					"select read_at is not null from notifications where employee_id = ? " + "and announcement_id = ?",
					Boolean.class, person, opened.announcementId()))
				.containsOnly(true);
			incidents.resolve(opened.id());
			assertThat(app.getBean(IncidentRoster.class).find(opened.id()).safe()).isEqualTo(1);
		}
	}

	@Test
	void theReachTheUpdatesAndTheAllClearOfAnIncidentWorkOnH2() {
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.escalation.sweep-interval=1h")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long comms = jdbc.queryForObject("select id from employees where email = 'comms@herald.test'", Long.class);
			long plan = jdbc.queryForObject("select p.id from crisis_plans p join crisis_plan_revisions r "
					+ "on r.plan_id = p.id and r.revision = p.current_revision "
					+ "where r.title = 'Fire and evacuation: Warsaw office'", Long.class);
			long warsaw = jdbc.queryForObject("select id from locations where name = 'Warsaw'", Long.class);
			Incidents incidents = app.getBean(Incidents.class);
			IncidentResponse response = app.getBean(IncidentResponse.class);
			signInAsCommsManager(comms);
			IncidentScope scope = new IncidentScope(false, Set.of(warsaw), Set.of());

			long reach = incidents.reach(scope);
			OpenedIncident opened = incidents.activate(plan,
					new Activation(scope, "Fire at {location}", "Alarm raised at {time}.", false));
			assertThat(reach).isEqualTo(opened.recipients()).isPositive();
			assertThat(jdbc.queryForObject("select pinned_until is not null from announcements where id = ?",
					Boolean.class, opened.announcementId()))
				.isTrue();

			FollowUpSent update = response.postUpdate(opened.id(),
					new IncidentUpdate("Fire brigade on site", "Stay at the assembly point."));
			incidents.resolve(opened.id());
			long allClear = jdbc.queryForObject("select all_clear_id from crisis_incidents where id = ?", Long.class,
					opened.id());

			for (long post : List.of(update.announcementId(), allClear)) {
				assertThat(jdbc.queryForObject(
						"select count(*) from notifications where announcement_id = ? " + "and critical = true",
						Integer.class, post))
					.isEqualTo(opened.recipients());
				assertThat(jdbc.queryForObject(
						"select count(*) from outbox_messages where announcement_id = ? " + "and critical = true",
						Integer.class, post))
					.isEqualTo(opened.recipients());
			}
			assertThat(jdbc.queryForObject("select pinned_until is null from announcements where id = ?", Boolean.class,
					opened.announcementId()))
				.isTrue();
		}
	}

	private static void signInAsCommsManager(long employeeId) {
		SecurityContextHolder.getContext().setAuthentication(SignedIn.person(employeeId, "ROLE_COMMS_MANAGER"));
	}

}
