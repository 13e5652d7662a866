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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incidents over HTTP: only comms managers and administrators activate and resolve,
 * employees never see the roster, the confirmation form with Post/Redirect/Get and its
 * errors, check-ins from the banner and the API, and the incident API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentWebTests implements PostgresIntegrationTest {

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
	@WithUserDetails("employee@herald.test")
	void employeesCannotActivateResolveOrSeeTheRoster() throws Exception {
		long plan = anyPlan();
		this.mvc.perform(get("/crisis/plans/" + plan + "/activate")).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/plans/" + plan + "/activate").with(csrf()).param("everyone", "true"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/incidents/1")).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/incidents/1/roster")).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/incidents/1/resolve").with(csrf())).andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("employee@herald.test", PASSWORD))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/crisis/incidents/1").with(httpBasic("employee@herald.test", PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("hr@herald.test")
	void hrSeesIncidentsButCannotActivate() throws Exception {
		long plan = anyPlan();
		this.mvc.perform(get("/crisis"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Incidents")));
		this.mvc.perform(get("/crisis/plans/" + plan))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-action=\"activate\""))));
		this.mvc.perform(get("/crisis/plans/" + plan + "/activate")).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("hr@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aCommsManagerActivatesAMemberChecksInFromTheBannerAndTheManagerResolves() throws Exception {
		long plan = anyPlan();
		Place place = place("Web site");

		this.mvc.perform(get("/crisis/plans/" + plan))
			.andExpect(content().string(containsString("data-action=\"activate\"")));
		this.mvc.perform(get("/crisis/plans/" + plan + "/activate"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-activation-form")))
			.andExpect(content().string(containsString("Send the alert now")));
		this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("title", "")
				.param("body", "Leave now.")
				.param("countedScope", "L[]D[]"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose everyone, or at least one location or department.")))
			.andExpect(content().string(containsString("Give the alert a title of at most 180 characters.")));

		String incidentUrl = this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("locationIds", Long.toString(place.locationId()))
				.param("title", "Gas leak at {location}")
				.param("body", "Leave the building now.")
				.param("countedScope", "L[" + place.locationId() + "]D[]"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/crisis/incidents/*"))
			.andExpect(flash().attribute("flashSuccess", "crisis.incident.opened"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long incident = Long.parseLong(incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1));
		this.mvc.perform(get(incidentUrl))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gas leak at " + place.locationName())))
			.andExpect(content().string(containsString("hx-get=\"/crisis/incidents/" + incident + "/roster\"")))
			.andExpect(content().string(containsString("data-count=\"recipients\">1<")))
			.andExpect(content().string(containsString("data-count=\"noResponse\">1<")));

		// The member sees the check-in in the banner on any page, and answers there.
		this.mvc.perform(get("/directory").with(user(this.users.loadUserByUsername(place.member().email()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-check-in-form")))
			.andExpect(content().string(containsString("/crisis/incidents/" + incident + "/check-in")));
		// In the feed too, the alert asks for a check-in, not an acknowledgement.
		this.mvc.perform(get("/feed").with(user(this.users.loadUserByUsername(place.member().email()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"check-in-note-feed-")));
		this.mvc
			.perform(post("/crisis/incidents/" + incident + "/check-in").with(csrf())
				.with(user(this.users.loadUserByUsername(place.member().email())))
				.param("status", "SAFE")
				.param("returnTo", "/directory"))
			.andExpect(redirectedUrl("/directory"))
			.andExpect(flash().attribute("flashSuccess", "crisis.checkIn.recorded"));
		// This incident's check-in is done (a drill another test left open may still
		// ask).
		this.mvc.perform(get("/directory").with(user(this.users.loadUserByUsername(place.member().email()))))
			.andExpect(content().string(not(containsString("/crisis/incidents/" + incident + "/check-in"))));
		// Someone outside the scope is told there is no such incident.
		this.mvc
			.perform(post("/crisis/incidents/" + incident + "/check-in").with(csrf())
				.with(user(this.users.loadUserByUsername("employee@herald.test")))
				.param("status", "SAFE"))
			.andExpect(status().isNotFound());
		// A return address off the site is ignored.
		this.mvc
			.perform(post("/crisis/incidents/" + incident + "/check-in").with(csrf())
				.with(user(this.users.loadUserByUsername(place.member().email())))
				.param("status", "SAFE")
				.param("returnTo", "//evil.example"))
			.andExpect(redirectedUrl("/feed"));

		this.mvc.perform(get(incidentUrl + "/roster").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-count=\"safe\">1<")))
			.andExpect(content().string(containsString("data-safe")));

		this.mvc.perform(post(incidentUrl + "/resolve").with(csrf()))
			.andExpect(redirectedUrl(incidentUrl))
			.andExpect(flash().attribute("flashSuccess", "crisis.incident.resolved"));
		this.mvc.perform(get(incidentUrl))
			.andExpect(content().string(containsString("data-after-action")))
			.andExpect(content().string(not(containsString("data-action=\"resolve\""))))
			.andExpect(content().string(not(containsString("hx-get"))));
		this.mvc.perform(post(incidentUrl + "/resolve").with(csrf()))
			.andExpect(flash().attribute("flashError", "crisis.incident.alreadyResolved"));
		this.mvc
			.perform(post("/api/v1/crisis/incidents/" + incident + "/check-in")
				.with(httpBasic(place.member().email(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"NEED_HELP\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This incident is resolved: check-ins are closed."));
		this.mvc.perform(get("/crisis"))
			.andExpect(content().string(containsString("data-incident=\"" + incident + "\"")));
	}

	@Test
	void aBrowserCannotBeMadeToActivateAPlanOrCheckInFromAnotherSite() throws Exception {
		long plan = anyPlan();
		long before = this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class,
				plan);

		this.mvc
			.perform(post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("comms@herald.test", PASSWORD))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.TEXT_PLAIN)
				.content("{}"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc
			.perform(post("/api/v1/crisis/incidents/1/check-in").with(httpBasic("employee@herald.test", PASSWORD))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());

		assertThat(
				this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class, plan))
			.isEqualTo(before);
	}

	@Test
	void theApiActivatesChecksInAndCounts() throws Exception {
		long plan = anyPlan();
		Place place = place("API site");

		this.mvc
			.perform(post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"locations\": [\"Nowhere at all\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("locations"));
		String body = this.mvc
			.perform(post("/api/v1/crisis/plans/" + plan + "/activate").with(httpBasic("comms@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"locations\": [\"" + place.locationName() + "\"], \"drill\": true, "
						+ "\"message\": \"Drill: go to the assembly point.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recipients").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long incident = Long.parseLong(body.replaceAll(".*\"incidentId\":(\\d+).*", "$1"));
		this.mvc.perform(get("/api/v1/crisis/incidents/" + incident).with(httpBasic("hr@herald.test", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.recipients").value(1))
			.andExpect(jsonPath("$.noResponse").value(1));

		this.mvc
			.perform(post("/api/v1/crisis/incidents/" + incident + "/check-in")
				.with(httpBasic(place.member().email(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"MAYBE\"}"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post("/api/v1/crisis/incidents/" + incident + "/check-in")
				.with(httpBasic(place.member().email(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"NEED_HELP\", \"note\": \"Stuck in the lift\"}"))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/crisis/incidents/" + incident + "/check-in")
				.with(httpBasic("employee@herald.test", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"SAFE\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/crisis/incidents/" + incident).with(httpBasic("comms@herald.test", PASSWORD)))
			.andExpect(jsonPath("$.needHelp").value(1))
			.andExpect(jsonPath("$.safe").value(0))
			.andExpect(jsonPath("$.noResponse").value(0))
			.andExpect(jsonPath("$.byLocation[0].location").value(place.locationName()))
			.andExpect(jsonPath("$.byLocation[0].needHelp").value(1));
		this.mvc
			.perform(post("/crisis/incidents/" + incident + "/resolve").with(csrf())
				.with(user(this.users.loadUserByUsername("comms@herald.test"))))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void refillingTheAlertForTheChosenScopeNamesThosePlacesAndSendsNothing() throws Exception {
		long plan = anyPlan();
		Place place = place("Refill site");
		long before = this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class,
				plan);

		this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("refill", "true")
				.param("locationIds", Long.toString(place.locationId()))
				.param("title", "edited away")
				.param("drill", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(place.locationName())))
			.andExpect(content().string(not(containsString("edited away"))))
			.andExpect(content().string(containsString("name=\"drill\" value=\"true\" checked")));

		assertThat(
				this.jdbc.queryForObject("select count(*) from crisis_incidents where plan_id = ?", Long.class, plan))
			.isEqualTo(before);
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
