package io.herald.directory.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.herald.config.WebSlice;
import io.herald.directory.DirectoryAdministration;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.PersonDetails;
import io.herald.shared.ChangeRefused;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.herald.config.SliceUsers.admin;
import static io.herald.config.SliceUsers.commsManager;
import static io.herald.config.SliceUsers.employee;
import static io.herald.config.SliceUsers.hr;
import static io.herald.directory.DirectoryRefusals.refused;
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

@WebSlice(PeopleAdminController.class)
class PeopleAdminControllerTests {

	private static final long ANNA = 42;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DirectoryAdministration administration;

	@MockitoBean
	EmployeeDirectory directory;

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/directory/people/new"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void employeesAndCommsManagersMayNotEditPeople() throws Exception {
		this.mvc.perform(get("/admin/directory/people/new").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/directory/people/new").with(commsManager())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/directory/people/" + ANNA + "/deactivate").with(employee()).with(csrf()))
			.andExpect(status().isForbidden());
		then(this.administration).should(never()).deactivate(anyLong());
	}

	@Test
	void hrOpensTheNewPersonFormWithTheOrganisationsDepartments() throws Exception {
		given(this.directory.departmentOptions()).willReturn(List.of(new DirectoryOption(3, "Finance")));
		this.mvc.perform(get("/admin/directory/people/new").with(hr()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Finance")))
			.andExpect(content().string(containsString("Europe/Warsaw")));
	}

	@Test
	void administratorsEditAPersonFromTheirProfile() throws Exception {
		given(this.directory.findProfile(ANNA)).willReturn(Optional.of(anna()));
		this.mvc.perform(get("/admin/directory/people/" + ANNA + "/edit").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"anna.nowak@herald.test\"")));
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
		this.mvc.perform(newPerson().with(hr())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/directory/people/" + ANNA + "/deactivate").with(hr()))
			.andExpect(status().isForbidden());
		then(this.administration).should(never()).addPerson(any());
		then(this.administration).should(never()).deactivate(anyLong());
	}

	@Test
	void aTimeZoneThatDoesNotExistReShowsTheFormAndAddsNobody() throws Exception {
		this.mvc.perform(newPerson("timeZone", "Mars/Olympus_Mons").with(hr()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("personForm", "timeZone", "directory.timeZone.invalid"))
			.andExpect(content().string(containsString("value=\"anna.nowak@herald.test\"")));
		then(this.administration).should(never()).addPerson(any());
	}

	@Test
	void aNameOverTwoLinesIsRefusedOnItsFieldAndAddsNobody() throws Exception {
		this.mvc.perform(newPerson("firstName", "Anna\nMaria").with(hr()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("personForm", "firstName"))
			.andExpect(content().string(containsString("Keep this on one line")));
		then(this.administration).should(never()).addPerson(any());
	}

	@Test
	void anEmailAlreadyInTheDirectoryIsShownOnItsField() throws Exception {
		willThrow(refused("email", "directory.email.taken")).given(this.administration).addPerson(any());
		this.mvc.perform(newPerson().with(hr()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("personForm", "email", "directory.email.taken"));
	}

	@Test
	void aNewPersonIsAddedAndTheirProfileSaysSo() throws Exception {
		given(this.administration.addPerson(any())).willReturn(ANNA);
		this.mvc.perform(newPerson("startDate", "2026-04-01").with(hr()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/directory/" + ANNA))
			.andExpect(flash().attribute("flashSuccess", "directory.person.added"));
		then(this.administration).should()
			.addPerson(new PersonDetails("anna.nowak@herald.test", null, "Anna", "Nowak", null, "Accountant", 3L, null,
					"boss@herald.test", null, null, ZoneId.of("Europe/Warsaw"), "pl", null, LocalDate.of(2026, 4, 1),
					0));
	}

	@Test
	void anEditStartedFromAnOlderVersionIsRefusedForTheWholeForm() throws Exception {
		given(this.directory.findProfile(ANNA)).willReturn(Optional.of(anna()));
		willThrow(refused(null, "directory.edit.concurrent")).given(this.administration).changePerson(anyLong(), any());
		this.mvc
			.perform(post("/admin/directory/people/" + ANNA + "/edit").with(hr())
				.with(csrf())
				.param("email", "anna.nowak@herald.test")
				.param("firstName", "Anna")
				.param("lastName", "Nowak")
				.param("timeZone", "Europe/Warsaw")
				.param("language", "pl")
				.param("version", "6"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("personForm"))
			.andExpect(model().attribute("profile", anna()));
	}

	@Test
	void aChangedPersonIsSavedAndTheirProfileSaysSo() throws Exception {
		this.mvc
			.perform(post("/admin/directory/people/" + ANNA + "/edit").with(hr())
				.with(csrf())
				.param("email", "anna.nowak@herald.test")
				.param("firstName", "Anna")
				.param("lastName", "Nowak")
				.param("timeZone", "Asia/Taipei")
				.param("language", "pl")
				.param("version", "7"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/directory/" + ANNA))
			.andExpect(flash().attribute("flashSuccess", "directory.person.saved"));
		then(this.administration).should()
			.changePerson(ANNA, new PersonDetails("anna.nowak@herald.test", null, "Anna", "Nowak", null, null, null,
					null, null, null, null, ZoneId.of("Asia/Taipei"), "pl", null, null, 7));
	}

	@Test
	void hrDeactivatesALeaverAndReactivatesThem() throws Exception {
		this.mvc.perform(post("/admin/directory/people/" + ANNA + "/deactivate").with(hr()).with(csrf()))
			.andExpect(redirectedUrl("/directory/" + ANNA))
			.andExpect(flash().attribute("flashSuccess", "directory.person.deactivated"));
		then(this.administration).should().deactivate(ANNA);
		this.mvc.perform(post("/admin/directory/people/" + ANNA + "/reactivate").with(hr()).with(csrf()))
			.andExpect(redirectedUrl("/directory/" + ANNA))
			.andExpect(flash().attribute("flashSuccess", "directory.person.reactivated"));
		then(this.administration).should().reactivate(ANNA);
	}

	@Test
	void deactivatingTheLastAdministratorIsRefusedWithTheReason() throws Exception {
		willThrow(new ChangeRefused("account.refused.lastAdminLeaving")).given(this.administration).deactivate(ANNA);
		this.mvc.perform(post("/admin/directory/people/" + ANNA + "/deactivate").with(hr()).with(csrf()))
			.andExpect(redirectedUrl("/directory/" + ANNA))
			.andExpect(flash().attribute("flashError", "account.refused.lastAdminLeaving"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void anUnknownPersonIsNotFound() throws Exception {
		given(this.directory.findProfile(99)).willReturn(Optional.empty());
		this.mvc.perform(get("/admin/directory/people/99/edit").with(hr())).andExpect(status().isNotFound());
	}

	// HR fills in the form for a new hire; each pair of changes replaces a field.
	private static MockHttpServletRequestBuilder newPerson(String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", "anna.nowak@herald.test");
		fields.put("firstName", "Anna");
		fields.put("lastName", "Nowak");
		fields.put("jobTitle", "Accountant");
		fields.put("departmentId", "3");
		fields.put("managerEmail", "boss@herald.test");
		fields.put("timeZone", "Europe/Warsaw");
		fields.put("language", "pl");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/directory/people/new");
		fields.forEach((name, value) -> request.param(name, value));
		return request;
	}

	private static EmployeeProfile anna() {
		EmployeeSummary person = new EmployeeSummary(ANNA, "anna.nowak@herald.test", "Anna Nowak", "Accountant",
				"Finance", "Warsaw", null, true);
		return new EmployeeProfile(person, "Anna", "Nowak", null, null, null, null, ZoneId.of("Europe/Warsaw"), "pl",
				List.of(), null, 3L, null, List.of(), List.of(), 7);
	}

}
