package io.herald.crisis.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Crisis plans and procedures over HTTP: who may see and change what (routes and menu),
 * the forms with Post/Redirect/Get, bad input back on the form with its message and
 * nothing changed, a stale form refused, and the plans API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrisisWebTests implements PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithUserDetails("employee@herald.test")
	void employeesAreRefusedPlansButReadProcedures() throws Exception {
		long plan = anyPlan();
		this.mvc.perform(get("/crisis")).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/plans/" + plan)).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/plans/new")).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/plans/" + plan + "/reviewed").with(csrf()).param("version", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/procedures/new")).andExpect(status().isForbidden());
		this.mvc.perform(get("/procedures"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reporting theft")))
			.andExpect(content().string(containsString("data-nav=\"procedures\"")))
			.andExpect(content().string(not(containsString("data-nav=\"crisis\""))))
			.andExpect(content().string(not(containsString("data-action=\"new-procedure\""))));
	}

	@Test
	@WithUserDetails("hr@herald.test")
	void hrReadsPlansButMayNotEditThem() throws Exception {
		long plan = anyPlan();
		this.mvc.perform(get("/crisis"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-nav=\"crisis\"")))
			.andExpect(content().string(not(containsString("data-action=\"new-plan\""))));
		this.mvc.perform(get("/crisis/plans/" + plan))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-action=\"edit\""))));
		this.mvc.perform(get("/crisis/plans/" + plan + "/edit")).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/plans").with(csrf()).param("title", "HR plan"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void theListExplainsTheDemoFlags() throws Exception {
		String page = this.mvc.perform(get("/crisis"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page)
			.contains("Data breach: personal data", "Overdue for review", "Its review was due on",
					"Broken contact chain", "no longer works here and there is no active deputy")
			.doesNotContain("??");
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aNewPlanIsSavedWithPostRedirectGetAndShownWithItsHistory() throws Exception {
		String location = this.mvc.perform(post("/crisis/plans").with(csrf()).params(form("Web fire plan")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/crisis/plans/*"))
			.andExpect(flash().attribute("flashSuccess", "crisis.plan.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		this.mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Web fire plan")))
			.andExpect(content().string(containsString("data-revision=\"1\"")))
			.andExpect(content().string(containsString("Olivia Bennett")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void badInputGoesBackToTheFormWithItsMessageAndNothingIsSaved() throws Exception {
		Map<String, String> fields = fields("Web bad plan");
		fields.put("templates[0].body", "Meet at {assembly} now");
		fields.put("team[0].deputyEmail", "nobody@nowhere.test");
		fields.put("reviewIntervalDays", "often");

		String page = this.mvc.perform(post("/crisis/plans").with(csrf()).params(params(fields)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter a whole number of days.");
		fields.put("reviewIntervalDays", "180");
		page = this.mvc.perform(post("/crisis/plans").with(csrf()).params(params(fields)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("{assembly} is not a placeholder Herald can fill in. Use only {location}")
			.contains("Nobody in the directory has the e-mail address nobody@nowhere.test.")
			.contains("Some fields need fixing");
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_plan_revisions where title = ?", Long.class,
				"Web bad plan"))
			.isZero();
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void anEditFromAnOutdatedFormSaysSomeoneElseChangedThePlan() throws Exception {
		long id = created("Web contested plan");
		this.mvc.perform(post("/crisis/plans/" + id).with(csrf()).params(form("Web contested plan, edited")))
			.andExpect(status().is3xxRedirection());

		String page = this.mvc
			.perform(post("/crisis/plans/" + id).with(csrf()).params(form("Web contested plan, overwritten")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Someone else changed this plan since you opened it. Nothing was saved");
		assertThat(this.jdbc
			.queryForObject("select r.title from crisis_plans p join crisis_plan_revisions r on r.plan_id = p.id "
					+ "and r.revision = p.current_revision where p.id = ?", String.class, id))
			.isEqualTo("Web contested plan, edited");
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aProcedureWithoutContactIsRefusedAndAGoodOneIsSaved() throws Exception {
		this.mvc
			.perform(post("/procedures").with(csrf())
				.param("title", "Web lost badge")
				.param("body", "Tell reception.")
				.param("contacts[0]", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name at least one person to contact.")));
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_procedures where title = 'Web lost badge'",
				Long.class))
			.isZero();

		this.mvc
			.perform(post("/procedures").with(csrf())
				.param("title", "Web lost badge")
				.param("body", "Tell **reception**.")
				.param("contacts[0]", "hr@herald.test"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "procedures.created"));
		this.mvc.perform(get("/procedures"))
			.andExpect(content().string(containsString("Tell <strong>reception</strong>.")));
	}

	@Test
	void theApiListsPlansForHrAndRefusesEmployees() throws Exception {
		this.mvc.perform(get("/api/v1/crisis/plans").with(httpBasic("hr@herald.test", "herald-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == 'Data breach: personal data')].stale").value(true))
			.andExpect(jsonPath("$[?(@.title == 'Severe weather: Kraków site')].brokenChain").value(true))
			.andExpect(jsonPath("$[?(@.title == 'Severe weather: Kraków site')].scenario").value("SEVERE_WEATHER"))
			.andExpect(jsonPath("$[0].id").isNumber())
			.andExpect(jsonPath("$[0].severity").isString());
		this.mvc.perform(get("/api/v1/crisis/plans").with(httpBasic("employee@herald.test", "herald-demo")))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aPlanWithAnIndexOutOfRangeOrUnreadableIsRefusedAndNothingIsCreated() throws Exception {
		Map<String, String> badValue = fields("Web bad plan");
		badValue.put("media[1]", "X");
		this.mvc.perform(post("/crisis/plans").with(csrf()).params(params(badValue)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		for (String field : new String[] { "steps[9999].description", "steps[-1].description", "steps[abc].description",
				"media[99999]" }) {
			Map<String, String> bad = fields("Web bad plan");
			bad.put(field, "IN_APP");
			this.mvc.perform(post("/crisis/plans").with(csrf()).params(params(bad))).andExpect(status().isBadRequest());
			long plan = anyPlan();
			this.mvc.perform(post("/crisis/plans/" + plan).with(csrf()).params(params(bad)))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_plan_revisions where title = 'Web bad plan'",
				Long.class))
			.isZero();
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aPlanTitleWithALineBreakOrNulIsRefusedOnTheForm() throws Exception {
		for (String title : new String[] { "Web\rplan", "Web\nplan", "Web\u0000plan" }) {
			this.mvc.perform(post("/crisis/plans").with(csrf()).params(form(title)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Keep this on one line")));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_plan_revisions where title like 'Web_plan'",
				Long.class))
			.isZero();
	}

	@Test
	@WithUserDetails("comms@herald.test")
	void aProcedureWithAnIndexOutOfRangeOrUnreadableIsRefusedAndNothingIsCreated() throws Exception {
		this.mvc
			.perform(post("/procedures").with(csrf())
				.param("title", "Web bad procedure")
				.param("body", "Tell reception.")
				.param("contacts[0]", "hr@herald.test")
				.param("contacts[1]", "X"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		for (String field : new String[] { "contacts[9999]", "contacts[-1]", "contacts[abc]", "contacts[9999].email",
				"contacts[-1].email", "contacts[abc].email" }) {
			var result = this.mvc
				.perform(post("/procedures").with(csrf())
					.param("title", "Web bad procedure")
					.param("body", "Tell reception.")
					.param("contacts[0]", "hr@herald.test")
					.param(field, "X"))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(field).isEqualTo(400);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from crisis_procedures where title = 'Web bad procedure'",
				Long.class))
			.isZero();
	}

	private long anyPlan() {
		return this.jdbc.queryForObject("select min(id) from crisis_plans", Long.class);
	}

	private long created(String title) throws Exception {
		String location = this.mvc.perform(post("/crisis/plans").with(csrf()).params(form(title)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static org.springframework.util.MultiValueMap<String, String> form(String title) {
		return params(fields(title));
	}

	private static Map<String, String> fields(String title) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("version", "0");
		fields.put("title", title);
		fields.put("scenario", "FIRE_EVACUATION");
		fields.put("severity", "MAJOR");
		fields.put("ownerEmail", "comms@herald.test");
		fields.put("team[0].role", "LEAD");
		fields.put("team[0].personEmail", "comms@herald.test");
		fields.put("team[0].deputyEmail", "hr@herald.test");
		fields.put("steps[0].description", "Sound the alarm");
		fields.put("steps[0].role", "LEAD");
		fields.put("templates[0].kind", "INITIAL_ALERT");
		fields.put("templates[0].title", "Fire at {location}");
		fields.put("templates[0].body", "Leave now. Alarm at {time}.");
		fields.put("templates[1].kind", "UPDATE");
		fields.put("templates[1].title", "Update");
		fields.put("templates[1].body", "Stay at the assembly point.");
		fields.put("templates[2].kind", "ALL_CLEAR");
		fields.put("templates[2].title", "All clear");
		fields.put("templates[2].body", "Go back in.");
		fields.put("media[0]", "IN_APP");
		fields.put("media[1]", "EMAIL");
		fields.put("everyone", "true");
		fields.put("reviewIntervalDays", "180");
		return fields;
	}

	private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> fields) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

}
