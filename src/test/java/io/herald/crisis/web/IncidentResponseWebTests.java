package io.herald.crisis.web;

import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Running an incident over HTTP: updates, checklist ticks and re-notifying are for comms
 * managers and administrators (Post/Redirect/Get); HR sees the timeline only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("comms@herald.test")
class IncidentResponseWebTests implements PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Test
	void aCommsManagerPostsAnUpdateFromTheTemplateAndItShowsOnTheTimeline() throws Exception {
		long incident = activate();
		String page = "/crisis/incidents/" + incident;
		this.mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-update-form")))
			.andExpect(content().string(containsString("data-timeline")))
			.andExpect(content().string(containsString("Activated")));

		this.mvc.perform(post(page + "/updates").with(csrf()).param("title", "Update").param("body", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write what the update says.")));
		this.mvc
			.perform(post(page + "/updates").with(csrf())
				.param("title", "Stay out")
				.param("body", "Firefighters are inside."))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashSuccess", "crisis.update.posted"));
		this.mvc.perform(get(page))
			.andExpect(content().string(containsString("Update posted")))
			.andExpect(content().string(containsString("Firefighters are inside.")));

		this.mvc.perform(get(page).with(user(this.users.loadUserByUsername("hr@herald.test"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-timeline")))
			.andExpect(content().string(not(containsString("data-update-form"))));
		this.mvc
			.perform(post(page + "/updates").with(csrf())
				.with(user(this.users.loadUserByUsername("hr@herald.test")))
				.param("title", "t")
				.param("body", "b"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(page + "/updates").with(csrf())
				.with(user(this.users.loadUserByUsername("employee@herald.test")))
				.param("title", "t")
				.param("body", "b"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCommsManagerTicksAChecklistStepOnceAndHrCannot() throws Exception {
		long incident = activate();
		String page = "/crisis/incidents/" + incident;
		this.mvc.perform(get(page))
			.andExpect(content().string(containsString("data-checklist")))
			.andExpect(content().string(containsString("data-action=\"tick\"")));
		this.mvc
			.perform(post(page + "/steps/1").with(csrf()).with(user(this.users.loadUserByUsername("hr@herald.test"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(page + "/steps/1").with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashSuccess", "crisis.checklist.ticked"));
		this.mvc.perform(post(page + "/steps/999").with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashError", "crisis.checklist.unknownStep"));
		this.mvc.perform(get(page))
			.andExpect(content().string(containsString("data-step=\"1\" data-done=\"true\"")))
			.andExpect(content().string(containsString("Checklist step done")));
	}

	@Test
	void theRenotifyButtonRemindsTheNoResponseGroupAndASecondClickIsRefused() throws Exception {
		long incident = activate();
		String page = "/crisis/incidents/" + incident;
		this.mvc.perform(get(page)).andExpect(content().string(containsString("data-action=\"renotify\"")));
		this.mvc
			.perform(post(page + "/renotify").with(csrf()).with(user(this.users.loadUserByUsername("hr@herald.test"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(page + "/renotify").with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashSuccess", "crisis.renotify.sent"))
			.andExpect(flash().attribute("renotified", 1));
		this.mvc.perform(post(page + "/renotify").with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashError", "crisis.renotify.tooSoon"));
		this.mvc.perform(get(page)).andExpect(content().string(containsString("No-response group re-notified")));
	}

	@Test
	void aResolvedIncidentHasAPrintableReportAndACsvThatHrMayReadAndEmployeesMayNot() throws Exception {
		long incident = activate();
		String page = "/crisis/incidents/" + incident;
		this.mvc.perform(get(page + "/report"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashError", "crisis.report.notResolved"));
		this.mvc.perform(post(page + "/resolve").with(csrf())).andExpect(redirectedUrl(page));
		this.mvc.perform(get(page)).andExpect(content().string(containsString("data-action=\"report\"")));
		this.mvc.perform(get(page + "/report").with(user(this.users.loadUserByUsername("hr@herald.test"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-report-figures")))
			.andExpect(content().string(containsString("data-timeline")))
			.andExpect(content().string(containsString("0 of ")))
			.andExpect(content().string(not(containsString("<script>"))));
		this.mvc.perform(get(page + "/report.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("incident-" + incident + ".csv")))
			.andExpect(content().string(containsString("section,time,what,who,title,detail")));
		this.mvc.perform(get(page + "/report").with(user(this.users.loadUserByUsername("employee@herald.test"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(page + "/report.csv").with(user(this.users.loadUserByUsername("employee@herald.test"))))
			.andExpect(status().isForbidden());
	}

	private long activate() throws Exception {
		Organisation organisation = Organisation.of(this.context);
		long location = organisation.location("Response site " + System.nanoTime());
		// Someone of its own in the scope (no account needed: nobody signs in as them).
		organisation.person("Rita", "Responder").at(location).mailedAt("incident.test").add();
		// A plan may have one open incident at a time: take one that has none, and
		// never the Warsaw fire plan, which the incident journey activates.
		long plan = this.jdbc.queryForObject("select min(p.id) from crisis_plans p where not exists (select 1 "
				+ "from crisis_incidents i where i.plan_id = p.id and i.status = 'OPEN') "
				+ "and p.id not in (select r.plan_id from crisis_plan_revisions r "
				+ "where r.title = 'Fire and evacuation: Warsaw office')", Long.class);
		String url = this.mvc
			.perform(post("/crisis/plans/" + plan + "/activate").with(csrf())
				.param("locationIds", Long.toString(location))
				.param("title", "Fire at {location}")
				.param("body", "Leave now.")
				.param("countedScope", "L[" + location + "]D[]"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

}
