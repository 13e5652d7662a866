package io.herald.notification.web;

import io.herald.notification.Outbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mail outbox for administrators: counts, what failed or is held, and sending it
 * again.
 */
@Controller
class OutboxAdminController {

	private final Outbox outbox;

	OutboxAdminController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/outbox")
	String show(Model model) {
		model.addAttribute("outbox", this.outbox.overview());
		return "outbox/show";
	}

	@PostMapping("/admin/outbox/{id:\\d+}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		if (this.outbox.retry(id)) {
			redirect.addFlashAttribute("flashSuccess", "outbox.retried");
		}
		else {
			redirect.addFlashAttribute("flashError", "outbox.retry.notRetryable");
		}
		return "redirect:/admin/outbox";
	}

	@PostMapping("/admin/outbox/retry-failed")
	String retryAllFailed(RedirectAttributes redirect) {
		int retried = this.outbox.retryAllFailed();
		redirect.addFlashAttribute("flashSuccess", (retried > 0) ? "outbox.retriedAll" : "outbox.retriedAll.none");
		return "redirect:/admin/outbox";
	}

}
