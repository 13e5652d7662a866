package io.herald.tracking.web;

import io.herald.shared.ChangeRefused;
import io.herald.shared.LocalPaths;
import io.herald.tracking.Receipts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "I have read and understood" button, wherever it is shown (the post, a feed item,
 * the critical banner): a plain form post that works without JavaScript, then back to
 * where the person was. A second click finds the acknowledgement already there and says
 * the same; a post that asks for none or has expired says why; someone who is not a
 * recipient gets 404.
 */
@Controller
class AcknowledgementController {

	private final Receipts receipts;

	AcknowledgementController(Receipts receipts) {
		this.receipts = receipts;
	}

	@PostMapping("/announcements/{id:\\d+}/ack")
	String acknowledge(@PathVariable long id, @RequestParam(name = "returnTo", required = false) String returnTo,
			@RequestParam(name = "revision", required = false) Integer revision, RedirectAttributes redirect) {
		try {
			this.receipts.acknowledge(id, revision);
			redirect.addFlashAttribute("flashSuccess", "tracking.ack.recorded");
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
			if ("tracking.ack.revised".equals(refused.code())) {
				// They have to see the new words before they can acknowledge them.
				return "redirect:/announcements/" + id;
			}
		}
		return "redirect:" + LocalPaths.safe(returnTo).orElse("/announcements/" + id);
	}

}
