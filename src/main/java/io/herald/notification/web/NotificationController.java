package io.herald.notification.web;

import io.herald.notification.Inbox;
import io.herald.shared.LocalPaths;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's inbox: read it, follow a notification (which marks it read),
 * mark one or all read.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 25;

	private final Inbox inbox;

	NotificationController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(name = "cursor", required = false) String cursor, Model model) {
		model.addAttribute("inbox", this.inbox.page(cursor, PAGE_SIZE));
		model.addAttribute("firstPage", !StringUtils.hasText(cursor));
		return "notifications/list";
	}

	/**
	 * Follows a notification's link, marking it read on the way. Reading it is
	 * idempotent, as opening a post is.
	 */
	@GetMapping("/notifications/{id:\\d+}/open")
	String open(@PathVariable long id) {
		// Links are paths inside Herald; anything else would make this an open
		// redirect, so it leads back to the inbox.
		return "redirect:" + LocalPaths.safe(this.inbox.open(id)).orElse("/notifications");
	}

	@PostMapping("/notifications/{id:\\d+}/read")
	String markRead(@PathVariable long id, @RequestParam(name = "cursor", required = false) String cursor,
			RedirectAttributes redirect) {
		this.inbox.markRead(id);
		redirect.addFlashAttribute("flashSuccess", "notifications.markedRead");
		if (StringUtils.hasText(cursor)) {
			redirect.addAttribute("cursor", cursor);
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(RedirectAttributes redirect) {
		this.inbox.markAllRead();
		redirect.addFlashAttribute("flashSuccess", "notifications.markedAllRead");
		return "redirect:/notifications";
	}

}
