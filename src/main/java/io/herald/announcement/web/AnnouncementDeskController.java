package io.herald.announcement.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.herald.announcement.AnnouncementDesk;
import io.herald.announcement.AnnouncementDetails;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.AnnouncementRow;
import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Announcements;
import io.herald.announcement.AudiencePreview;
import io.herald.announcement.DeskList;
import io.herald.announcement.Priority;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.Callers;
import io.herald.shared.InvalidChange;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The communications manager's authoring desk: the lists, the editor with its Markdown
 * and audience previews, and one announcement with the moves its lifecycle allows. Only
 * people who post somewhere get here (HR may look at a post from the calendar).
 */
@Controller
@RequestMapping("/manage/announcements")
class AnnouncementDeskController {

	private static final String EDITOR = "manage-announcements/editor";

	private static final int PAGE_SIZE = 20;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

	private final Announcements announcements;

	private final AnnouncementDesk desk;

	private final Channels channels;

	private final EmployeeDirectory directory;

	AnnouncementDeskController(Announcements announcements, AnnouncementDesk desk, Channels channels,
			EmployeeDirectory directory) {
		this.announcements = announcements;
		this.desk = desk;
		this.channels = channels;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(name = "list", defaultValue = "DRAFTS") DeskList list,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		requireDesk();
		Page<AnnouncementRow> rows = this.desk.list(list, query,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE, NEWEST_FIRST));
		model.addAttribute("lists", DeskList.values());
		model.addAttribute("list", list);
		model.addAttribute("query", query);
		model.addAttribute("rows", rows);
		return "manage-announcements/list";
	}

	@GetMapping("/new")
	String newAnnouncement(Model model) {
		requireDesk();
		AnnouncementForm form = new AnnouncementForm();
		List<ChannelView> postable = this.channels.postableByCaller();
		if (postable.size() == 1) {
			form.setChannelId(postable.get(0).id());
		}
		model.addAttribute("announcementForm", form);
		return editor(model, null, form);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal SignedInPerson person,
			@Valid @ModelAttribute("announcementForm") AnnouncementForm form, BindingResult result,
			@RequestParam(name = "action", defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		requireDesk();
		if ("preview".equals(action)) {
			model.addAttribute("previewHtml", this.desk.preview(form.getBody()));
			return editor(model, null, form);
		}
		AnnouncementDraft draft = form.toDraft(zone(person), result);
		if (draft != null && !result.hasErrors()) {
			try {
				long id = this.announcements.create(draft);
				redirect.addFlashAttribute("flashSuccess", "desk.flash.saved");
				return "redirect:/manage/announcements/" + id;
			}
			catch (InvalidChange refused) {
				Problems.reject(refused, result);
			}
		}
		return editor(model, null, form);
	}

	@GetMapping("/{id:\\d+}/edit")
	String edit(@AuthenticationPrincipal SignedInPerson person, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		requireDesk();
		AnnouncementDetails details = this.desk.details(id);
		if (!details.allows("edit") && !details.allows("revise")) {
			redirect.addFlashAttribute("flashError", "announcement.refused.edit");
			return "redirect:/manage/announcements/" + id;
		}
		AnnouncementForm form = AnnouncementForm.of(details, zone(person));
		model.addAttribute("announcementForm", form);
		return editor(model, details, form);
	}

	@PostMapping("/{id:\\d+}/edit")
	String change(@AuthenticationPrincipal SignedInPerson person, @PathVariable long id,
			@Valid @ModelAttribute("announcementForm") AnnouncementForm form, BindingResult result,
			@RequestParam(name = "action", defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		requireDesk();
		AnnouncementDetails details = this.desk.details(id);
		boolean revising = details.status() == AnnouncementStatus.PUBLISHED;
		if (revising) {
			// Targeting, priority and timing stay as published; the form shows
			// them read-only.
			form.setChannelId(details.targeting().channelId());
			form.setDepartmentIds(List.copyOf(details.targeting().departmentIds()));
			form.setLocationIds(List.copyOf(details.targeting().locationIds()));
			form.setPriority(details.content().priority());
			form.setAckRequired(details.tracking().ackRequired());
			form.setScheduledAt(null);
		}
		if ("preview".equals(action)) {
			model.addAttribute("previewHtml", this.desk.preview(form.getBody()));
			return editor(model, details, form);
		}
		AnnouncementDraft draft = form.toDraft(zone(person), result);
		if (draft != null && !result.hasErrors()) {
			try {
				if (revising) {
					this.announcements.revise(id, unchangedKept(draft, details), form.isMaterial());
					redirect.addFlashAttribute("flashSuccess", "desk.flash.revised");
				}
				else {
					this.announcements.update(id, draft);
					redirect.addFlashAttribute("flashSuccess", "desk.flash.saved");
				}
				return "redirect:/manage/announcements/" + id;
			}
			catch (InvalidChange refused) {
				Problems.reject(refused, result);
			}
		}
		return editor(model, details, form);
	}

	/**
	 * The audience preview alone, for the editor to refresh (htmx) as the targeting
	 * changes.
	 */
	@GetMapping("/audience")
	String audience(@RequestParam(name = "channelId", required = false) Long channelId,
			@RequestParam(name = "departmentIds", required = false) List<Long> departmentIds,
			@RequestParam(name = "locationIds", required = false) List<Long> locationIds, Model model) {
		requireDesk();
		model.addAttribute("audience", audience(channelId, departmentIds, locationIds));
		return "manage-announcements/audience :: preview";
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		requireDeskOrHr();
		AnnouncementDetails details = this.desk.details(id);
		model.addAttribute("details", details);
		model.addAttribute("revisions", this.desk.revisions(id));
		if (details.schedule().publishedAt() == null && this.channels.callerMayPost(details.targeting().channelId())) {
			model.addAttribute("audience", this.desk.audience(details.targeting().channelId(),
					details.targeting().departmentIds(), details.targeting().locationIds()));
		}
		return "manage-announcements/detail";
	}

	@PostMapping("/{id:\\d+}/submit")
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.submitted", () -> this.announcements.submit(id));
	}

	@PostMapping("/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.withdrawn", () -> this.announcements.withdraw(id));
	}

	@PostMapping("/{id:\\d+}/approve")
	String approve(@PathVariable long id, @RequestParam(name = "version", defaultValue = "-1") long version,
			RedirectAttributes redirect) {
		requireDesk();
		try {
			AnnouncementStatus status = this.announcements.approve(id, version);
			redirect.addFlashAttribute("flashSuccess", (status == AnnouncementStatus.PUBLISHED)
					? "desk.flash.approved.published" : "desk.flash.approved.scheduled");
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/manage/announcements/" + id;
	}

	@PostMapping("/{id:\\d+}/request-changes")
	String requestChanges(@PathVariable long id, @RequestParam(name = "comment", required = false) String comment,
			RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.changesRequested", () -> this.announcements.requestChanges(id, comment));
	}

	@PostMapping("/{id:\\d+}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.published", () -> this.announcements.publish(id));
	}

	@PostMapping("/{id:\\d+}/schedule")
	String schedule(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.scheduled", () -> this.announcements.schedule(id));
	}

	@PostMapping("/{id:\\d+}/unschedule")
	String unschedule(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.unscheduled", () -> this.announcements.unschedule(id));
	}

	@PostMapping("/{id:\\d+}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "desk.flash.archived", () -> this.announcements.archive(id));
	}

	@PostMapping("/{id:\\d+}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		requireDesk();
		try {
			this.announcements.discard(id);
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
			return "redirect:/manage/announcements/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "desk.flash.discarded");
		return "redirect:/manage/announcements";
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		requireDesk();
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/manage/announcements/" + id;
	}

	/**
	 * The editor shows times to the minute: a time sent back as shown is the one already
	 * there, not an edit (an acknowledgement due date left alone stays as it is, even
	 * when it has passed).
	 */
	private static AnnouncementDraft unchangedKept(AnnouncementDraft draft, AnnouncementDetails details) {
		return new AnnouncementDraft(draft.channelId(), draft.title(), draft.summary(), draft.body(), draft.priority(),
				draft.ackRequired(),
				sameMinute(draft.ackDueAt(), details.tracking().ackDueAt()) ? null : draft.ackDueAt(),
				draft.departmentIds(), draft.locationIds(),
				sameMinute(draft.pinnedUntil(), details.schedule().pinnedUntil()) ? details.schedule().pinnedUntil()
						: draft.pinnedUntil(),
				sameMinute(draft.expiresAt(), details.schedule().expiresAt()) ? details.schedule().expiresAt()
						: draft.expiresAt(),
				null, draft.version());
	}

	private static boolean sameMinute(Instant shown, Instant stored) {
		return shown != null && stored != null && shown.equals(stored.truncatedTo(ChronoUnit.MINUTES));
	}

	private String editor(Model model, AnnouncementDetails details, AnnouncementForm form) {
		model.addAttribute("details", details);
		model.addAttribute("revising", details != null && details.status() == AnnouncementStatus.PUBLISHED);
		model.addAttribute("channels", this.channels.postableByCaller());
		model.addAttribute("departments", this.directory.departmentOptions());
		model.addAttribute("locations", this.directory.locationOptions());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("audience", audience(form.getChannelId(), form.getDepartmentIds(), form.getLocationIds()));
		return EDITOR;
	}

	private AudiencePreview audience(Long channelId, List<Long> departmentIds, List<Long> locationIds) {
		if (channelId == null) {
			return null;
		}
		return this.desk.audience(channelId, ids(departmentIds), ids(locationIds));
	}

	private void requireDesk() {
		if (!this.channels.callerPostsAnywhere()) {
			throw new AccessDeniedException("Posts to no channel");
		}
	}

	private void requireDeskOrHr() {
		if (!Callers.hasAnyRole(Role.HR) && !this.channels.callerPostsAnywhere()) {
			throw new AccessDeniedException("Posts to no channel");
		}
	}

	private static List<Long> ids(List<Long> ids) {
		return (ids != null) ? ids.stream().filter((id) -> id != null).toList() : List.of();
	}

	private static ZoneId zone(SignedInPerson person) {
		return (person != null && person.timeZone() != null) ? person.timeZone() : ZoneOffset.UTC;
	}

}
