package io.herald.channel.web;

import io.herald.channel.Channels;
import io.herald.shared.InvalidChange;
import io.herald.shared.SignedInPerson;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The channels an employee sees, and their own subscriptions to optional topic channels.
 */
@Controller
class ChannelController {

	private final Channels channels;

	ChannelController(Channels channels) {
		this.channels = channels;
	}

	@GetMapping("/channels")
	String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
		model.addAttribute("listings", this.channels.listFor(person));
		return "channels/list";
	}

	@PostMapping("/channels/{slug}/subscribe")
	String subscribe(@PathVariable String slug, RedirectAttributes redirect) {
		try {
			this.channels.subscribe(slug);
			redirect.addFlashAttribute("flashSuccess", "channels.subscribed");
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/channels";
	}

	@PostMapping("/channels/{slug}/unsubscribe")
	String unsubscribe(@PathVariable String slug, RedirectAttributes redirect) {
		try {
			this.channels.unsubscribe(slug);
			redirect.addFlashAttribute("flashSuccess", "channels.unsubscribed");
		}
		catch (InvalidChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/channels";
	}

}
