package io.herald.channel.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.InvalidChange;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Channel administration for communications managers and administrators: every channel,
 * archived ones too; create and edit, archive and restore, and the standard set in one
 * go.
 */
@Controller
class ChannelAdminController {

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final MessageSource messages;

	ChannelAdminController(Channels channels, EmployeeDirectory directory, MessageSource messages) {
		this.channels = channels;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/manage/channels")
	String list(Model model) {
		model.addAttribute("channels", this.channels.all());
		return "manage-channels/list";
	}

	@GetMapping("/manage/channels/new")
	String create(Model model) {
		model.addAttribute("channelForm", new ChannelForm());
		return form(model, null);
	}

	@PostMapping("/manage/channels/new")
	String create(@Valid @ModelAttribute ChannelForm channelForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		channelForm.setId(null);
		return save(channelForm, result, model, redirect, null, "manageChannels.created");
	}

	@GetMapping("/manage/channels/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		ChannelView channel = channel(id);
		Set<Long> memberIds = new HashSet<>(channel.members().keySet());
		Map<Long, EmployeeSummary> people = this.directory.findSummaries(memberIds);
		model.addAttribute("channelForm",
				ChannelForm.of(channel, emails(channel.owners(), people), emails(channel.publishers(), people)));
		return form(model, channel);
	}

	@PostMapping("/manage/channels/{id:\\d+}/edit")
	String edit(@PathVariable long id, @Valid @ModelAttribute ChannelForm channelForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		ChannelView channel = channel(id);
		channelForm.setId(id);
		return save(channelForm, result, model, redirect, channel, "manageChannels.saved");
	}

	@PostMapping("/manage/channels/{id:\\d+}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		return archive(id, true, "manageChannels.archived", redirect);
	}

	@PostMapping("/manage/channels/{id:\\d+}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		return archive(id, false, "manageChannels.restored", redirect);
	}

	@PostMapping("/manage/channels/standard")
	String standard(RedirectAttributes redirect) {
		String companyName = this.messages.getMessage("manageChannels.standard.companyName", null,
				LocaleContextHolder.getLocale());
		int created = this.channels.createStandardChannels(companyName);
		redirect.addFlashAttribute("flashSuccess",
				(created > 0) ? "manageChannels.standard.created" : "manageChannels.standard.none");
		return "redirect:/manage/channels";
	}

	private String archive(long id, boolean archived, String done, RedirectAttributes redirect) {
		try {
			this.channels.archive(id, archived);
			redirect.addFlashAttribute("flashSuccess", done);
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/manage/channels";
	}

	private String save(ChannelForm channelForm, BindingResult result, Model model, RedirectAttributes redirect,
			ChannelView channel, String done) {
		if (result.hasErrors()) {
			return form(model, channel);
		}
		try {
			this.channels.save(channelForm.toDetails());
		}
		catch (InvalidChange refused) {
			for (InvalidChange.Problem problem : refused.problems()) {
				if (problem.field() != null && result.getFieldType(problem.field()) != null) {
					result.rejectValue(problem.field(), problem.code(), problem.arguments(), null);
				}
				else {
					result.reject(problem.code(), problem.arguments(), null);
				}
			}
			return form(model, channel);
		}
		redirect.addFlashAttribute("flashSuccess", done);
		return "redirect:/manage/channels";
	}

	private String form(Model model, ChannelView channel) {
		model.addAttribute("channel", channel);
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("departments", this.directory.departmentOptions());
		model.addAttribute("locations", this.directory.locationOptions());
		return "manage-channels/form";
	}

	private ChannelView channel(long id) {
		return this.channels.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static List<String> emails(Set<Long> ids, Map<Long, EmployeeSummary> people) {
		List<String> emails = new ArrayList<>();
		for (Long id : ids) {
			EmployeeSummary person = people.get(id);
			if (person != null) {
				emails.add(person.email());
			}
		}
		emails.sort(String::compareTo);
		return emails;
	}

}
