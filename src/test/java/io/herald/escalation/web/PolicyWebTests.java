package io.herald.escalation.web;

import io.herald.support.Escalating;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/policies}: administrators only, on the route and in the service; a bad
 * value goes back to the form with its message and changes nothing; a good one is saved
 * with Post/Redirect/Get. Works on an override of its own channel.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyWebTests implements PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	long channel;

	@BeforeEach
	void setUp() {
		this.channel = new Escalating(this.context).channel("Web policies", null);
	}

	@Test
	@WithUserDetails("employee@herald.test")
	void employeesAreForbidden() throws Exception {
		this.mvc.perform(get("/admin/policies")).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/policies/overrides").with(csrf())
				.param("channelId", String.valueOf(this.channel))
				.param("priority", "IMPORTANT"))
			.andExpect(status().isForbidden());
		assertThat(overrides()).isZero();
	}

	@Test
	@WithUserDetails("hr@herald.test")
	void hrIsForbiddenToo() throws Exception {
		this.mvc.perform(get("/admin/policies")).andExpect(status().isForbidden());
		this.mvc.perform(get("/feed"))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-nav=\"policies\""))));
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void theMenuOffersPoliciesToAdministrators() throws Exception {
		this.mvc.perform(get("/feed"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-nav=\"policies\"")));
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void anAdministratorSeesTheDefaultsInWords() throws Exception {
		String page = this.mvc.perform(get("/admin/policies"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Reminder and escalation policies")
			.contains("24 hours before the due time: remind the recipient, in the app and by e-mail")
			.contains("15 minutes after publishing: remind the recipient")
			.contains("3 days after the due time: tell the channel owners (HR if none)")
			.contains("No reminders or escalations.")
			.doesNotContain("??");
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void aBadValueIsRefusedWithItsMessageAndChangesNothing() throws Exception {
		long id = createOverride();
		String steps = steps(id);

		String notANumber = this.mvc
			.perform(post("/admin/policies/" + id).with(csrf())
				.param("version", "0")
				.param("steps[0].amount", "soon")
				.param("steps[0].unit", "HOURS")
				.param("steps[0].direction", "AFTER")
				.param("steps[0].anchor", "DUE")
				.param("steps[0].action", "REMIND_RECIPIENT")
				.param("steps[0].medium", "EMAIL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String beforePublishing = this.mvc
			.perform(post("/admin/policies/" + id).with(csrf())
				.param("version", "0")
				.param("steps[0].amount", "2")
				.param("steps[0].unit", "HOURS")
				.param("steps[0].direction", "BEFORE")
				.param("steps[0].anchor", "PUBLISHED")
				.param("steps[0].action", "REMIND_RECIPIENT")
				.param("steps[0].medium", "EMAIL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(notANumber).contains("Enter a whole number.").contains("is-invalid");
		assertThat(beforePublishing).contains("A step cannot come before publishing: nobody has the post yet.");
		assertThat(steps(id)).isEqualTo(steps);
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void aGoodChangeIsSavedAndRedirects() throws Exception {
		long id = createOverride();

		this.mvc
			.perform(post("/admin/policies/" + id).with(csrf())
				.param("version", "0")
				.param("steps[0].code", "important-remind-at-due")
				.param("steps[0].amount", "30")
				.param("steps[0].unit", "MINUTES")
				.param("steps[0].direction", "AFTER")
				.param("steps[0].anchor", "DUE")
				.param("steps[0].action", "REMIND_RECIPIENT")
				.param("steps[0].medium", "IN_APP")
				.param("steps[1].unit", "HOURS")
				.param("steps[1].direction", "AFTER")
				.param("steps[1].anchor", "DUE")
				.param("steps[1].medium", "EMAIL"))
			.andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("flashSuccess", "policies.saved"));

		assertThat(steps(id)).isEqualTo("important-remind-at-due DUE 30 REMIND_RECIPIENT IN_APP");
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void withoutACsrfTokenNothingHappens() throws Exception {
		this.mvc
			.perform(post("/admin/policies/overrides").param("channelId", String.valueOf(this.channel))
				.param("priority", "IMPORTANT"))
			.andExpect(status().isForbidden());

		assertThat(overrides()).isZero();
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void anOverrideIsCreatedFromTheDefaultAndOpensForEditing() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/policies/overrides").with(csrf())
				.param("channelId", String.valueOf(this.channel))
				.param("priority", "CRITICAL"))
			.andExpect(redirectedUrlPattern("/admin/policies/*"))
			.andReturn();

		this.mvc.perform(get(created.getResponse().getRedirectedUrl()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Policy for Critical posts in")));
		assertThat(overrides()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("admin@herald.test")
	void aStepWithAnIndexOutOfRangeOrUnreadableIsRefusedAndChangesNothing() throws Exception {
		long id = createOverride();
		String steps = steps(id);

		this.mvc.perform(post("/admin/policies/" + id).with(csrf()).params(step("steps[0]", "unit", "X")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
		for (String row : new String[] { "steps[9999]", "steps[-1]", "steps[abc]" }) {
			this.mvc.perform(post("/admin/policies/" + id).with(csrf()).params(step(row, "unit", "HOURS")))
				.andExpect(status().isBadRequest());
		}
		assertThat(steps(id)).isEqualTo(steps);
	}

	private static org.springframework.util.MultiValueMap<String, String> step(String row, String field, String value) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		params.add("version", "0");
		params.add("steps[0].amount", "2");
		params.add("steps[0].unit", "HOURS");
		params.add("steps[0].direction", "AFTER");
		params.add("steps[0].anchor", "DUE");
		params.add("steps[0].action", "REMIND_RECIPIENT");
		params.add("steps[0].medium", "EMAIL");
		params.set(row + ".amount", "2");
		params.set(row + "." + field, value);
		return params;
	}

	private long createOverride() throws Exception {
		this.mvc.perform(post("/admin/policies/overrides").with(csrf())
			.param("channelId", String.valueOf(this.channel))
			.param("priority", "IMPORTANT"));
		return this.jdbc.queryForObject("select id from escalation_policies where channel_id = ? and priority = ?",
				Long.class, this.channel, "IMPORTANT");
	}

	private String steps(long policyId) {
		return String.join("; ",
				this.jdbc.queryForList(
						"select code || ' ' || anchor || ' ' || offset_minutes || ' ' || action || ' ' || medium "
								+ "from escalation_policy_steps where policy_id = ? order by step_order",
						String.class, policyId));
	}

	private int overrides() {
		return this.jdbc.queryForObject("select count(*) from escalation_policies where channel_id = ?", Integer.class,
				this.channel);
	}

}
