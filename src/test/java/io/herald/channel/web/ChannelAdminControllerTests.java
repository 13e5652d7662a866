package io.herald.channel.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.herald.channel.ChannelDetails;
import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelRole;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.config.WebSlice;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.InvalidChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.herald.config.SliceUsers.commsManager;
import static io.herald.config.SliceUsers.employee;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
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

@WebSlice(ChannelAdminController.class)
class ChannelAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Channels channels;

	@MockitoBean
	EmployeeDirectory directory;

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/manage/channels"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void employeesMayNotManageChannels() throws Exception {
		this.mvc.perform(get("/manage/channels").with(employee())).andExpect(status().isForbidden());
	}

	@Test
	void commsManagersSeeEveryChannelArchivedOnesToo() throws Exception {
		given(this.channels.all()).willReturn(List.of(channel(7, "Safety desk", false), channel(8, "Old news", true)));
		this.mvc.perform(get("/manage/channels").with(commsManager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Safety desk")))
			.andExpect(content().string(containsString("Old news")));
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
		this.mvc
			.perform(post("/manage/channels/new").with(commsManager())
				.param("name", "Safety desk")
				.param("slug", "safety")
				.param("kind", "TOPIC"))
			.andExpect(status().isForbidden());
		then(this.channels).should(never()).save(any());
	}

	@Test
	void aNewChannelIsSavedAndTheListSaysSo() throws Exception {
		this.mvc
			.perform(post("/manage/channels/new").with(commsManager())
				.with(csrf())
				.param("name", "Safety desk")
				.param("slug", "safety")
				.param("kind", "TOPIC")
				.param("ownerEmails", "a@herald.test, b@herald.test"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/channels"))
			.andExpect(flash().attribute("flashSuccess", "manageChannels.created"));
		then(this.channels).should()
			.save(new ChannelDetails(null, 0, "safety", "Safety desk", null, ChannelKind.TOPIC, null, null, false,
					false, List.of("a@herald.test", "b@herald.test"), List.of()));
	}

	@Test
	void aRefusalFromTheServiceIsShownOnItsField() throws Exception {
		willThrow(new InvalidChange("slug", "channel.slug.taken")).given(this.channels).save(any());
		this.mvc
			.perform(post("/manage/channels/new").with(commsManager())
				.with(csrf())
				.param("name", "Safety desk")
				.param("slug", "safety")
				.param("kind", "TOPIC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("channelForm", "slug", "channel.slug.taken"));
	}

	@Test
	void anUnknownChannelIsNotFound() throws Exception {
		given(this.channels.find(99)).willReturn(Optional.empty());
		this.mvc.perform(get("/manage/channels/99/edit").with(commsManager())).andExpect(status().isNotFound());
	}

	@Test
	void aNameOverTwoLinesReShowsTheFormAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/manage/channels/new").with(commsManager())
				.with(csrf())
				.param("name", "Safety\ndesk")
				.param("slug", "safety")
				.param("kind", "TOPIC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("channelForm", "name"))
			.andExpect(content().string(containsString("Keep this on one line")));
		then(this.channels).should(never()).save(any());
	}

	@Test
	void theEditFormNamesOwnersAndPublishersByEmail() throws Exception {
		given(this.channels.find(7))
			.willReturn(Optional.of(new ChannelView(7, "safety", "Safety desk", null, ChannelKind.TOPIC, null, null,
					false, false, false, Map.of(11L, ChannelRole.OWNER, 12L, ChannelRole.PUBLISHER), 3)));
		given(this.directory.findSummaries(any()))
			.willReturn(Map.of(11L, person(11, "owner@herald.test"), 12L, person(12, "publisher@herald.test")));
		this.mvc.perform(get("/manage/channels/7/edit").with(commsManager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("owner@herald.test")))
			.andExpect(content().string(containsString("publisher@herald.test")));
	}

	@Test
	void archivingAChannelSaysSoAndARefusalSaysWhy() throws Exception {
		this.mvc.perform(post("/manage/channels/7/archive").with(commsManager()).with(csrf()))
			.andExpect(redirectedUrl("/manage/channels"))
			.andExpect(flash().attribute("flashSuccess", "manageChannels.archived"));
		then(this.channels).should().archive(7, true);
		willThrow(new InvalidChange(null, "channel.notFound")).given(this.channels).archive(8, true);
		this.mvc.perform(post("/manage/channels/8/archive").with(commsManager()).with(csrf()))
			.andExpect(redirectedUrl("/manage/channels"))
			.andExpect(flash().attribute("flashError", "channel.notFound"));
	}

	private static ChannelView channel(long id, String name, boolean archived) {
		return new ChannelView(id, "slug-" + id, name, "About " + name, ChannelKind.TOPIC, null, null, false, false,
				archived, Map.of(), 1);
	}

	private static EmployeeSummary person(long id, String email) {
		return new EmployeeSummary(id, email, "Person " + id, null, null, null, null, true);
	}

}
