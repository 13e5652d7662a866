package io.herald.crisis.web;

import io.herald.support.FinancePeople;
import io.herald.support.FinancePeople.Place;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The steps before sending, over HTTP: the activation page says how many people the alert
 * reaches and sends nothing when the scope changed since; resolving asks for confirmation
 * first, without JavaScript; the incident page puts the roster above the update form with
 * dialable numbers; and the API posts updates and resolves with the pages' rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentFollowUpWebTests implements PostgresIntegrationTest {

	private static final String PASSWORD = "herald-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Test
	@WithUserDetails("comms@herald.test")
	void theActivationPageSaysHowManyTheAlertReachesAndAChangedScopeSendsNothing() throws Exception {
		long plan = anyPlan();
		Place place = place("Reach site");
		long before = incidentsOf(plan);

		this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("refill", "true")
				.param("locationIds", Long.toString(place.locationId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The alert reaches 1 person.")))
			.andExpect(content().string(containsString("value=\"L[" + place.locationId() + "]D[]\"")));
		// Counted for everyone, sent for one place: shown again with the new number.
		this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("locationIds", Long.toString(place.locationId()))
				.param("title", "Fire at {location}")
				.param("body", "Leave now.")
				.param("countedScope", "everyone"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-reach-changed")))
			.andExpect(content().string(containsString("it now reaches 1 person")));
		assertThat(incidentsOf(plan)).isEqualTo(before);

		String incident = this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("locationIds", Long.toString(place.locationId()))
				.param("title", "Fire at {location}")
				.param("body", "Leave now.")
				.param("countedScope", "L[" + place.locationId() + "]D[]"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(incidentsOf(plan)).isEqualTo(before + 1);
		this.mvc.perform(post(incident + "/resolve").with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void resolvingAsksForConfirmationShowingTheAllClearAndItsReach() throws Exception {
		Place place = place("Confirm site");
		this.jdbc.update("update employees set mobile = '+48 601 234 567' where id = ?", place.member().employeeId());
		String incident = activate(place);
		long id = Long.parseLong(incident.substring(incident.lastIndexOf('/') + 1));

		// The page: the roster (and who needs help) above the update form, numbers dial.
		String page = this.mvc.perform(get(incident))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"tel:+48601234567\"")))
			.andExpect(content().string(containsString("href=\"/crisis/incidents/" + id + "/resolve\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("data-need-help-section")).isPositive().isLessThan(page.indexOf("data-counts"));
		assertThat(page.indexOf("data-roster")).isPositive().isLessThan(page.indexOf("data-update-form"));

		this.mvc.perform(get(incident + "/resolve"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-resolve-form")))
			.andExpect(content().string(containsString("It goes to the 1 person the alert reached.")))
			.andExpect(content().string(containsString("1 person has not checked in yet.")))
			.andExpect(content().string(containsString("All-clear message")));
		assertThat(statusOf(id)).isEqualTo("OPEN");

		this.mvc.perform(post(incident + "/resolve").with(csrf()).param("title", "All clear").param("body", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write what the all-clear says.")));
		assertThat(statusOf(id)).isEqualTo("OPEN");

		this.mvc
			.perform(post(incident + "/resolve").with(csrf())
				.param("title", "All clear at {location}")
				.param("body", "Back to work."))
			.andExpect(redirectedUrl(incident))
			.andExpect(flash().attribute("flashSuccess", "crisis.incident.resolved"));
		assertThat(statusOf(id)).isEqualTo("RESOLVED");
		assertThat(this.jdbc.queryForObject(
				"select a.title from announcements a join crisis_incidents i on i.all_clear_id = a.id where i.id = ?",
				String.class, id))
			.isEqualTo("All clear at " + place.locationName());
		this.mvc.perform(get(incident + "/resolve"))
			.andExpect(redirectedUrl(incident))
			.andExpect(flash().attribute("flashError", "crisis.incident.alreadyResolved"));
	}

	@Test
	@WithUserDetails("hr@herald.test")
	void hrSeesIncidentsButMayNotResolveThem() throws Exception {
		this.mvc.perform(get("/crisis/incidents/1/resolve")).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/incidents/1/resolve").with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void theApiPostsAnUpdateAndResolvesWithThePagesRules() throws Exception {
		Place place = place("API follow-up site");
		String incident = this.mvc
			.perform(post("/api/v1/crisis/plans/" + anyPlan() + "/activate")
				.with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"locations\": [\"" + place.locationName() + "\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"incidentId\":(\\d+).*", "$1");
		String updates = "/api/v1/crisis/incidents/" + incident + "/updates";
		String resolve = "/api/v1/crisis/incidents/" + incident + "/resolve";

		this.mvc
			.perform(post(updates).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("message"))
			.andExpect(jsonPath("$.errors[0].message").value("Write what the update says."));
		this.mvc
			.perform(post(updates).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.TEXT_PLAIN)
				.content("Fire is out"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc
			.perform(post(updates).with(httpBasic("hr@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"Fire is out\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					post(resolve).with(httpBasic("comms@herald.test", PASSWORD)).header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_incident_events where incident_id = ?",
				Integer.class, Long.parseLong(incident)))
			.isZero();

		this.mvc
			.perform(post(updates).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"The fire brigade is on site.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recipients").value(1))
			.andExpect(jsonPath("$.announcementId").isNumber());
		this.mvc
			.perform(post(resolve).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("message"));
		assertThat(statusOf(Long.parseLong(incident))).isEqualTo("OPEN");
		this.mvc
			.perform(post(resolve).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"Back to work.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.recipients").value(1));
		this.mvc.perform(post(resolve).with(httpBasic("comms@herald.test", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This incident is already resolved."));
		this.mvc
			.perform(post(updates).with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"Too late\"}"))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.queryForObject(
				"select a.body from announcements a join crisis_incidents i on i.all_clear_id = a.id where i.id = ?",
				String.class, Long.parseLong(incident)))
			.isEqualTo("Back to work.");
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void theFeedCardOfAnAlertAsksForACheckInNotAnAcknowledgement() throws Exception {
		Place place = place("Feed card site");
		String incident = activate(place);
		long alert = this.jdbc.queryForObject("select announcement_id from crisis_incidents where id = ?", Long.class,
				Long.parseLong(incident.substring(incident.lastIndexOf('/') + 1)));
		String feed = this.mvc.perform(get("/feed").with(user(this.users.loadUserByUsername(place.member().email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String card = feed.substring(feed.indexOf("data-announcement-id=\"" + alert + "\""));
		card = card.substring(0, card.indexOf("</article>"));
		assertThat(card).contains("data-pinned", "Are you safe? Please check in.", "data-check-in-form")
			.doesNotContain("data-ack-due", "data-overdue");
		this.mvc.perform(post(incident + "/resolve").with(csrf())).andExpect(status().is3xxRedirection());
	}

	private String activate(Place place) throws Exception {
		return this.mvc
			.perform(post("/crisis/plans/" + anyPlan() + "/activate").with(csrf())
				.param("locationIds", Long.toString(place.locationId()))
				.param("title", "Flood at {location}")
				.param("body", "Go upstairs.")
				.param("countedScope", "L[" + place.locationId() + "]D[]"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String statusOf(long incident) {
		return this.jdbc.queryForObject("select status from crisis_incidents where id = ?", String.class, incident);
	}

	private long incidentsOf(long plan) {
		return this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class, plan);
	}

	private long anyPlan() {
		// A plan may have one open incident at a time: take one that has none, and
		// never the Warsaw fire plan, which the incident journey activates.
		return this.jdbc.queryForObject("select min(p.id) from crisis_plans p where not exists (select 1 "
				+ "from crisis_incidents i where i.plan_id = p.id and i.status = 'OPEN') "
				+ "and p.id not in (select r.plan_id from crisis_plan_revisions r "
				+ "where r.title = 'Fire and evacuation: Warsaw office')", Long.class);
	}

	private Place place(String name) {
		return FinancePeople.aloneAt(this.context, name);
	}

}
