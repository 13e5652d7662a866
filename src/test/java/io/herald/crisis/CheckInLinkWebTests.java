package io.herald.crisis;

import java.util.List;

import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check-in link page over HTTP, signed out: opening it records nothing; its form
 * needs the page's CSRF token; answering redirects to a thank-you; a used, altered or
 * closed link gets a clear page with 410 or 404 and no stack trace. The drill report page
 * is for those who run crises.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails(Plans.COMMS)
class CheckInLinkWebTests implements PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CheckInLinks links;

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
	void openingALinkRecordsNothingAndItsButtonChecksInWithoutSigningIn() throws Exception {
		long location = this.fixture.location("Web link office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, true));
		String path = this.links.link(opened.id(), person);
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(get(path + "?answer=NEED_HELP").session(session).with(anonymous()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Safety check-in for Ines Person 1")))
			.andExpect(content().string(containsString("data-drill")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("btn btn-lg btn-warning")));
		assertThat(answerOf(opened.id(), person)).isEqualTo("NO_RESPONSE");

		this.mvc.perform(post(path).session(session).with(anonymous()).param("status", "SAFE"))
			.andExpect(status().isForbidden());
		assertThat(answerOf(opened.id(), person)).isEqualTo("NO_RESPONSE");

		this.mvc.perform(post(path).session(session).with(anonymous()).with(csrf()).param("status", "BOGUS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose I&#39;m safe or I need help.")));
		this.mvc
			.perform(post(path).session(session)
				.with(anonymous())
				.with(csrf())
				.param("status", "NEED_HELP")
				.param("note", "Ankle, 2nd floor"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(path));
		assertThat(answerOf(opened.id(), person)).isEqualTo("NEED_HELP");

		this.mvc.perform(get(path).session(session).with(anonymous()).flashAttr("answered", true))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your answer is recorded: you need help.")));
		this.mvc.perform(get(path).with(anonymous()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This check-in link has been used")));
		this.mvc.perform(post(path).with(anonymous()).with(csrf()).param("status", "SAFE"))
			.andExpect(status().isGone());
		assertThat(answerOf(opened.id(), person)).isEqualTo("NEED_HELP");
	}

	@Test
	void anAlteredLinkGetsAClearPageNamingNobody() throws Exception {
		long location = this.fixture.location("Altered web office");
		List<Long> people = this.fixture.people(2, location);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String path = this.links.link(opened.id(), people.get(0));
		String altered = path.replaceFirst("\\." + people.get(0) + "\\.", "." + people.get(1) + ".");

		for (String link : List.of(altered, "/check-in/nonsense", "/check-in/" + "9".repeat(400))) {
			this.mvc.perform(get(link).with(anonymous()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This check-in link does not work")))
				.andExpect(content().string(not(containsString("Ines"))))
				.andExpect(content().string(not(containsString("Exception"))));
		}
		this.mvc.perform(post(altered).with(anonymous()).with(csrf()).param("status", "SAFE"))
			.andExpect(status().isNotFound());
		assertThat(answerOf(opened.id(), people.get(1))).isEqualTo("NO_RESPONSE");
	}

	@Test
	void aLinkOfAResolvedIncidentSaysItIsOver() throws Exception {
		long location = this.fixture.location("Closed web office");
		long person = this.fixture.people(1, location).get(0);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));
		String path = this.links.link(opened.id(), person);
		this.incidents.resolve(opened.id());

		this.mvc.perform(get(path).with(anonymous()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This incident is over")));
	}

	@Test
	void theDrillReportIsForThoseWhoRunCrisesAndOnlyForDrills() throws Exception {
		long location = this.fixture.location("Drill web office");
		this.fixture.people(2, location);
		OpenedIncident drill = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, true));
		long realLocation = this.fixture.location("Real web office");
		this.fixture.people(1, realLocation);
		OpenedIncident real = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(realLocation, false));

		this.mvc.perform(get("/crisis/incidents/" + drill.id()))
			.andExpect(content().string(containsString("/crisis/incidents/" + drill.id() + "/drill-report")));
		this.mvc.perform(get("/crisis/incidents/" + drill.id() + "/drill-report"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 people some medium could not reach")))
			.andExpect(content().string(containsString("The app: no account they can sign in with")));
		this.mvc.perform(get("/crisis/incidents/" + drill.id() + "/drill-report.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"));
		this.mvc.perform(get("/crisis/incidents/" + real.id() + "/drill-report"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/crisis/incidents/" + real.id()));
		this.mvc.perform(get("/crisis/incidents/" + drill.id() + "/drill-report").with(anonymous()))
			.andExpect(status().isFound());
	}

	@Test
	@WithUserDetails("employee@herald.test")
	void employeesCannotReadDrillReports() throws Exception {
		this.mvc.perform(get("/crisis/incidents/1/drill-report")).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/incidents/1/drill-report.csv")).andExpect(status().isForbidden());
	}

	private String answerOf(long incidentId, long employeeId) {
		return this.jdbc.queryForObject("select status from crisis_check_ins where incident_id = ? and employee_id = ?",
				String.class, incidentId, employeeId);
	}

}
