package io.herald.crisis.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.herald.config.WebSlice;
import io.herald.crisis.ChecklistStep;
import io.herald.crisis.CrisisPlans;
import io.herald.crisis.IncidentRoster;
import io.herald.crisis.IncidentStatus;
import io.herald.crisis.IncidentSummary;
import io.herald.crisis.Medium;
import io.herald.crisis.MessageTemplate;
import io.herald.crisis.Person;
import io.herald.crisis.PlanFlags;
import io.herald.crisis.PlanRevision;
import io.herald.crisis.PlanSummary;
import io.herald.crisis.PlanView;
import io.herald.crisis.Scenario;
import io.herald.crisis.Severity;
import io.herald.crisis.TeamMember;
import io.herald.crisis.TeamRole;
import io.herald.crisis.TemplateKind;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static io.herald.config.SliceUsers.commsManager;
import static io.herald.config.SliceUsers.employee;
import static io.herald.config.SliceUsers.hr;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

@WebSlice(PlanController.class)
class PlanControllerTests {

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CrisisPlans plans;

	@MockitoBean
	IncidentRoster incidents;

	@MockitoBean
	EmployeeDirectory directory;

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/crisis")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void employeesMayNotSeePlans() throws Exception {
		this.mvc.perform(get("/crisis").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/plans/7").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(get("/crisis/plans/new").with(employee())).andExpect(status().isForbidden());
	}

	@Test
	void hrReadsPlansButMayNotEditThem() throws Exception {
		given(this.plans.plans()).willReturn(List.of(summary()));
		this.mvc.perform(get("/crisis").with(hr()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fire and evacuation: Warsaw office")))
			.andExpect(content().string(not(containsString("data-action=\"new-plan\""))));
		this.mvc.perform(get("/crisis/plans/7/edit").with(hr())).andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/plans").with(hr()).with(csrf()).params(form("HR plan")))
			.andExpect(status().isForbidden());
		then(this.plans).should(never()).create(any());
	}

	@Test
	void theListShowsThePlansAndTheIncidents() throws Exception {
		given(this.plans.plans()).willReturn(List.of(summary()));
		given(this.incidents.incidents()).willReturn(
				List.of(new IncidentSummary(3, "DRILL: Fire in Warsaw", true, IncidentStatus.OPEN, NOW, null, 40, 12)));
		this.mvc.perform(get("/crisis").with(commsManager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fire and evacuation: Warsaw office")))
			.andExpect(content().string(containsString("DRILL: Fire in Warsaw")))
			.andExpect(content().string(containsString("data-action=\"new-plan\"")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void aPlansPageShowsItsHistory() throws Exception {
		given(this.plans.find(7)).willReturn(Optional.of(plan()));
		given(this.plans.history(7)).willReturn(List.of(new PlanRevision(2, "Olivia Bennett", NOW, List.of("team")),
				new PlanRevision(1, "Olivia Bennett", NOW.minusSeconds(86_400), List.of("created"))));
		this.mvc.perform(get("/crisis/plans/7").with(commsManager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fire and evacuation: Warsaw office")))
			.andExpect(content().string(containsString("data-revision=\"2\"")))
			.andExpect(content().string(containsString("data-revision=\"1\"")));
	}

	@Test
	void theNewPlanFormNamesTheCallerAsOwner() throws Exception {
		this.mvc.perform(get("/crisis/plans/new").with(commsManager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"person2@herald-tests.test\"")));
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
		this.mvc.perform(post("/crisis/plans").with(commsManager()).params(form("Fire plan")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/crisis/plans/7/reviewed").with(commsManager()).param("version", "0"))
			.andExpect(status().isForbidden());
		then(this.plans).should(never()).create(any());
		then(this.plans).should(never()).markReviewed(anyLong(), anyLong());
	}

	@Test
	void aReviewIntervalThatIsNoNumberShowsTheFormAgainAndSavesNothing() throws Exception {
		MultiValueMap<String, String> form = form("Fire plan");
		form.set("reviewIntervalDays", "often");
		this.mvc.perform(post("/crisis/plans").with(commsManager()).with(csrf()).params(form))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("planForm", "reviewIntervalDays"))
			.andExpect(content().string(containsString("Enter a whole number of days.")));
		then(this.plans).should(never()).create(any());
	}

	@Test
	void aRefusalFromTheServiceIsShownOnItsField() throws Exception {
		willThrow(new InvalidChange(
				List.of(new Problem("team[0].deputyEmail", "crisis.person.unknown", "nobody@nowhere.test"))))
			.given(this.plans)
			.create(any());
		this.mvc.perform(post("/crisis/plans").with(commsManager()).with(csrf()).params(form("Fire plan")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("planForm", "team[0].deputyEmail", "crisis.person.unknown"))
			.andExpect(content()
				.string(containsString("Nobody in the directory has the e-mail address nobody@nowhere.test.")));
	}

	@Test
	void aNewPlanIsSavedAndItsPageSaysSo() throws Exception {
		given(this.plans.create(any())).willReturn(42L);
		this.mvc.perform(post("/crisis/plans").with(commsManager()).with(csrf()).params(form("Fire plan")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/crisis/plans/42"))
			.andExpect(flash().attribute("flashSuccess", "crisis.plan.created"));
	}

	@Test
	void anEditFromAnOutdatedFormSaysSomeoneElseChangedThePlan() throws Exception {
		given(this.plans.find(7)).willReturn(Optional.of(plan()));
		willThrow(new InvalidChange(null, "crisis.plan.concurrent")).given(this.plans)
			.change(org.mockito.ArgumentMatchers.eq(7L), org.mockito.ArgumentMatchers.eq(0L), any());
		this.mvc.perform(post("/crisis/plans/7").with(commsManager()).with(csrf()).params(form("Fire plan, edited")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this plan since you opened it.")));
	}

	@Test
	void aReviewIsRecordedOrRefusedWhenSomeoneElseChangedThePlan() throws Exception {
		this.mvc.perform(post("/crisis/plans/7/reviewed").with(commsManager()).with(csrf()).param("version", "3"))
			.andExpect(redirectedUrl("/crisis/plans/7"))
			.andExpect(flash().attribute("flashSuccess", "crisis.plan.reviewed"));
		then(this.plans).should().markReviewed(7, 3);

		willThrow(new InvalidChange(null, "crisis.plan.concurrent")).given(this.plans).markReviewed(7, 2);
		this.mvc.perform(post("/crisis/plans/7/reviewed").with(commsManager()).with(csrf()).param("version", "2"))
			.andExpect(redirectedUrl("/crisis/plans/7"))
			.andExpect(flash().attribute("flashError", "crisis.plan.concurrent"));
	}

	@Test
	void anUnknownPlanIsNotFound() throws Exception {
		given(this.plans.find(99)).willReturn(Optional.empty());
		this.mvc.perform(get("/crisis/plans/99").with(commsManager())).andExpect(status().isNotFound());
		this.mvc.perform(get("/crisis/plans/99/edit").with(commsManager())).andExpect(status().isNotFound());
	}

	private static Person olivia() {
		return new Person(2, "Olivia Bennett", "comms@herald.test", null, "+48 600 000 002", true);
	}

	private static PlanSummary summary() {
		return new PlanSummary(7, "Fire and evacuation: Warsaw office", Scenario.FIRE_EVACUATION, Severity.MAJOR,
				olivia(), 2, new PlanFlags(LocalDate.of(2027, 5, 30), false, List.of()));
	}

	private static PlanView plan() {
		return new PlanView(7, 2, 0, "Fire and evacuation: Warsaw office", Scenario.FIRE_EVACUATION, Severity.MAJOR,
				olivia(), List.of(new TeamMember(TeamRole.LEAD, olivia(), null)),
				List.of(new ChecklistStep("Sound the alarm", TeamRole.LEAD)),
				List.of(new MessageTemplate(TemplateKind.INITIAL_ALERT, "Fire at {location}", "Leave now.")),
				List.of(Medium.IN_APP, Medium.EMAIL), true, List.of(), List.of(), 180, LocalDate.of(2026, 12, 1),
				new PlanFlags(LocalDate.of(2027, 5, 30), false, List.of()));
	}

	private static MultiValueMap<String, String> form(String title) {
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
		fields.put("media[0]", "IN_APP");
		fields.put("media[1]", "EMAIL");
		fields.put("everyone", "true");
		fields.put("reviewIntervalDays", "180");
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

}
