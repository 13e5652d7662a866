package io.herald.announcement.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.herald.announcement.AnnouncementAction;
import io.herald.announcement.AnnouncementDesk;
import io.herald.announcement.AnnouncementDetails;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.AnnouncementNotFound;
import io.herald.announcement.AnnouncementRow;
import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Announcements;
import io.herald.announcement.DeskList;
import io.herald.announcement.Priority;
import io.herald.channel.Channels;
import io.herald.config.WebSlice;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.InvalidChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.herald.config.SliceUsers.as;
import static io.herald.config.SliceUsers.commsManager;
import static io.herald.config.SliceUsers.employee;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
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

@WebSlice(AnnouncementDeskController.class)
class AnnouncementDeskControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Channels channels;

	@MockitoBean
	Announcements announcements;

	@MockitoBean
	AnnouncementDesk desk;

	@MockitoBean
	EmployeeDirectory directory;

	@BeforeEach
	void postsSomewhere() {
		given(this.channels.callerPostsAnywhere()).willReturn(true);
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/manage/announcements"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void peopleWhoPostNowhereAreTurnedAway() throws Exception {
		given(this.channels.callerPostsAnywhere()).willReturn(false);
		this.mvc.perform(get("/manage/announcements").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(get("/manage/announcements/new").with(employee())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.with(csrf())
				.param("title", "Sneaky")
				.param("body", "x"))
			.andExpect(status().isForbidden());
		then(this.announcements).should(never()).create(any());
	}

	@Test
	void thePosterSeesTheirDraftsFirst() throws Exception {
		given(this.desk.list(eq(DeskList.DRAFTS), eq(null), any())).willReturn(new PageImpl<>(List
			.of(new AnnouncementRow(5, "Canteen closed on Friday", "kitchen", "Kitchen news", Priority.INFO,
					AnnouncementStatus.DRAFT, "Person 1", Instant.parse("2026-11-02T09:00:00Z"), null, null, null))));
		this.mvc.perform(get("/manage/announcements").with(employee()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Canteen closed on Friday")))
			.andExpect(content().string(containsString("/manage/announcements/5")));
	}

	@Test
	void aFormWithoutItsCsrfTokenSavesNothing() throws Exception {
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.param("channelId", "7")
				.param("title", "Canteen closed")
				.param("body", "Closed on Friday."))
			.andExpect(status().isForbidden());
		then(this.announcements).should(never()).create(any());
	}

	@Test
	void aTimeThatIsNoTimeComesBackOnTheFormAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.with(csrf())
				.param("channelId", "7")
				.param("title", "Canteen closed")
				.param("body", "Closed on Friday.")
				.param("scheduledAt", "next tuesday"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("announcementForm", "scheduledAt",
					"announcement.dateTime.invalid"))
			.andExpect(content().string(containsString("value=\"Canteen closed\"")));
		then(this.announcements).should(never()).create(any());
	}

	@Test
	void aRefusalFromTheServiceIsShownOnItsField() throws Exception {
		willThrow(new InvalidChange("title", "announcement.title.invalid")).given(this.announcements).create(any());
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.with(csrf())
				.param("channelId", "7")
				.param("title", " ")
				.param("body", "Closed on Friday."))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("announcementForm", "title", "announcement.title.invalid"));
	}

	@Test
	void aNewDraftIsSavedAndItsPageSaysSo() throws Exception {
		given(this.announcements.create(any())).willReturn(42L);
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.with(csrf())
				.param("channelId", "7")
				.param("title", "Canteen closed")
				.param("body", "Closed on Friday."))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/announcements/42"))
			.andExpect(flash().attribute("flashSuccess", "desk.flash.saved"));
		then(this.announcements).should()
			.create(new AnnouncementDraft(7, "Canteen closed", null, "Closed on Friday.", Priority.INFO,
					Priority.INFO.ackRequiredByDefault(), null, Set.of(), Set.of(), null, null, null, 0));
	}

	@Test
	void thePreviewRendersTheMarkdownAndSavesNothing() throws Exception {
		given(this.desk.preview("**Bold**")).willReturn("<p><strong>Bold</strong></p>");
		this.mvc
			.perform(post("/manage/announcements/new").with(employee())
				.with(csrf())
				.param("channelId", "7")
				.param("title", "Preview me")
				.param("body", "**Bold**")
				.param("action", "preview"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>Bold</strong>")));
		then(this.announcements).should(never()).create(any());
	}

	@Test
	void thePostsPageOffersOnlyTheMovesTheRulesAllow() throws Exception {
		given(this.desk.details(5)).willReturn(details(5, AnnouncementStatus.DRAFT,
				EnumSet.of(AnnouncementAction.EDIT, AnnouncementAction.SUBMIT, AnnouncementAction.DISCARD)));
		this.mvc.perform(get("/manage/announcements/5").with(employee()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Canteen closed on Friday")))
			.andExpect(content().string(containsString("/manage/announcements/5/submit")))
			.andExpect(content().string(not(containsString("/manage/announcements/5/publish"))))
			.andExpect(content().string(not(containsString("/manage/announcements/5/approve"))));
	}

	@Test
	void submittingSendsThePostToReviewAndSaysSo() throws Exception {
		this.mvc.perform(post("/manage/announcements/5/submit").with(employee()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/announcements/5"))
			.andExpect(flash().attribute("flashSuccess", "desk.flash.submitted"));
		then(this.announcements).should().submit(5);
	}

	@Test
	void aMoveTheRulesRefuseIsReportedOnThePostsPage() throws Exception {
		willThrow(new InvalidChange(null, "announcement.refused.reviewRequired")).given(this.announcements).publish(5);
		this.mvc.perform(post("/manage/announcements/5/publish").with(employee()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/announcements/5"))
			.andExpect(flash().attribute("flashError", "announcement.refused.reviewRequired"));
	}

	@Test
	void theReviewerApprovesTheVersionTheyRead() throws Exception {
		given(this.announcements.approve(5, 3)).willReturn(AnnouncementStatus.PUBLISHED);
		this.mvc.perform(post("/manage/announcements/5/approve").with(as(9)).with(csrf()).param("version", "3"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/announcements/5"))
			.andExpect(flash().attribute("flashSuccess", "desk.flash.approved.published"));
	}

	@Test
	void aRequestForChangesWithoutItsCsrfTokenChangesNothing() throws Exception {
		this.mvc
			.perform(post("/manage/announcements/5/request-changes").with(commsManager())
				.param("comment", "Which Friday?"))
			.andExpect(status().isForbidden());
		then(this.announcements).should(never()).requestChanges(anyLong(), any());
	}

	@Test
	void anUnknownAnnouncementIsNotFound() throws Exception {
		given(this.desk.details(99)).willThrow(AnnouncementNotFound.class);
		this.mvc.perform(get("/manage/announcements/99").with(employee())).andExpect(status().isNotFound());
		this.mvc.perform(get("/manage/announcements/99/edit").with(employee())).andExpect(status().isNotFound());
	}

	private static AnnouncementDetails details(long id, AnnouncementStatus status, Set<AnnouncementAction> allowed) {
		return new AnnouncementDetails(id, status,
				new AnnouncementDetails.Content("Canteen closed on Friday", null, "Closed on Friday.",
						"<p>Closed on Friday.</p>", Priority.INFO),
				new AnnouncementDetails.Targeting(7, "kitchen", "Kitchen news", true, Set.of(), Set.of(), List.of(),
						List.of()),
				new AnnouncementDetails.Schedule(null, null, null, null, false, null),
				new AnnouncementDetails.Tracking(false, null, 1, 1, null),
				new AnnouncementDetails.Authorship(1, "Person 1", null, null, null, null), 3, allowed);
	}

}
