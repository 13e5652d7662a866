package io.herald.escalation.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.herald.announcement.Priority;
import io.herald.config.WebSlice;
import io.herald.escalation.EscalationPolicies;
import io.herald.escalation.PolicyChange;
import io.herald.escalation.PolicyStep;
import io.herald.escalation.PolicyView;
import io.herald.escalation.StepAction;
import io.herald.escalation.StepAnchor;
import io.herald.escalation.StepMedium;
import io.herald.shared.InvalidChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.herald.config.SliceUsers.admin;
import static io.herald.config.SliceUsers.employee;
import static io.herald.config.SliceUsers.hr;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebSlice(PolicyController.class)
class PolicyControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EscalationPolicies policies;

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/policies"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void employeesAndHrMayNotSeePolicies() throws Exception {
		this.mvc.perform(get("/admin/policies").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/policies").with(hr())).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorSeesTheDefaultsInWords() throws Exception {
		given(this.policies.all()).willReturn(List.of(policy(1, null, remindAtDue()), policy(2, null)));
		this.mvc.perform(get("/admin/policies").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reminder and escalation policies")))
			.andExpect(content().string(containsString("No reminders or escalations.")));
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
		given(this.policies.find(5)).willReturn(Optional.of(policy(5, 9L, remindAtDue())));
		this.mvc.perform(step(post("/admin/policies/5").with(admin()), "30")).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/admin/policies/overrides").with(admin()).param("channelId", "9").param("priority", "IMPORTANT"))
			.andExpect(status().isForbidden());
		then(this.policies).should(never()).change(any());
		then(this.policies).should(never()).createOverride(anyLong(), any());
	}

	@Test
	void anAmountThatIsNoNumberShowsTheFormAgainAndChangesNothing() throws Exception {
		given(this.policies.find(5)).willReturn(Optional.of(policy(5, 9L, remindAtDue())));
		this.mvc.perform(step(post("/admin/policies/5").with(admin()).with(csrf()), "soon"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("policyForm", "steps[0].amount"))
			.andExpect(content().string(containsString("Enter a whole number.")));
		then(this.policies).should(never()).change(any());
	}

	@Test
	void aRefusalFromTheServiceIsShownOnItsField() throws Exception {
		given(this.policies.find(5)).willReturn(Optional.of(policy(5, 9L, remindAtDue())));
		willThrow(new InvalidChange("steps[0].direction", "policies.step.beforePublishing")).given(this.policies)
			.change(any());
		this.mvc.perform(step(post("/admin/policies/5").with(admin()).with(csrf()), "2"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "steps[0].direction",
					"policies.step.beforePublishing"))
			.andExpect(content().string(containsString("A step cannot come before publishing")));
	}

	@Test
	void aGoodChangeIsSavedAndTheListSaysSo() throws Exception {
		given(this.policies.find(5)).willReturn(Optional.of(policy(5, 9L, remindAtDue())));
		this.mvc.perform(step(post("/admin/policies/5").with(admin()).with(csrf()), "30"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("flashSuccess", "policies.saved"));
		then(this.policies).should().change(any(PolicyChange.class));
	}

	@Test
	void anOverrideOpensForEditing() throws Exception {
		given(this.policies.createOverride(9, Priority.CRITICAL)).willReturn(12L);
		this.mvc
			.perform(post("/admin/policies/overrides").with(admin())
				.with(csrf())
				.param("channelId", "9")
				.param("priority", "CRITICAL"))
			.andExpect(redirectedUrl("/admin/policies/12"))
			.andExpect(flash().attribute("flashSuccess", "policies.override.created"));
	}

	@Test
	void anOverrideWithoutAChannelIsRefusedWithItsMessage() throws Exception {
		this.mvc.perform(post("/admin/policies/overrides").with(admin()).with(csrf()).param("priority", "CRITICAL"))
			.andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("flashError", "policies.override.channelRequired"));
		then(this.policies).should(never()).createOverride(anyLong(), any());
	}

	@Test
	void aDefaultCannotBeRemoved() throws Exception {
		willThrow(new InvalidChange(null, "policies.default.notRemovable")).given(this.policies).removeOverride(1);
		this.mvc.perform(post("/admin/policies/1/remove").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("flashError", "policies.default.notRemovable"));
	}

	@Test
	void anUnknownPolicyIsNotFound() throws Exception {
		given(this.policies.find(99)).willReturn(Optional.empty());
		this.mvc.perform(get("/admin/policies/99").with(admin())).andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder step(MockHttpServletRequestBuilder request, String amount) {
		return request.param("version", "0")
			.param("steps[0].code", "important-remind-at-due")
			.param("steps[0].amount", amount)
			.param("steps[0].unit", "MINUTES")
			.param("steps[0].direction", "AFTER")
			.param("steps[0].anchor", "DUE")
			.param("steps[0].action", "REMIND_RECIPIENT")
			.param("steps[0].medium", "IN_APP");
	}

	private static PolicyStep remindAtDue() {
		return new PolicyStep("important-remind-at-due", StepAnchor.DUE, 0, StepAction.REMIND_RECIPIENT,
				StepMedium.IN_APP);
	}

	private static PolicyView policy(long id, Long channelId, PolicyStep... steps) {
		return new PolicyView(id, Priority.IMPORTANT, channelId, (channelId != null) ? "Safety desk" : null,
				List.of(steps), 0, Instant.parse("2026-12-01T09:00:00Z"));
	}

}
