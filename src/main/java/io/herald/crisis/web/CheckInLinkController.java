package io.herald.crisis.web;

import io.herald.crisis.CheckInLink;
import io.herald.crisis.CheckInLinks;
import io.herald.shared.InvalidChange;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page behind an e-mail's one-click check-in link, open to everyone: the link is the
 * proof of who is answering. Opening it records nothing; its button does.
 */
@Controller
class CheckInLinkController {

	private final CheckInLinks links;

	CheckInLinkController(CheckInLinks links) {
		this.links = links;
	}

	@GetMapping("/check-in/{token}")
	String open(@PathVariable String token, @RequestParam(name = "answer", required = false) String answer, Model model,
			HttpServletResponse response) {
		CheckInLink link = this.links.open(token);
		if (model.containsAttribute("answered") && link.state() == CheckInLink.State.USED) {
			// Just answered (the redirect after the POST): used by this very answer.
			link = link.answered();
		}
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		model.addAttribute("answer", IncidentController.parse(answer));
		response.setStatus(status(link));
		return "crisis/check-in-link";
	}

	@PostMapping("/check-in/{token}")
	String answer(@PathVariable String token, @RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "note", required = false) String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			CheckInLink link = this.links.answer(token, IncidentController.parse(status), note);
			if (link.state() == CheckInLink.State.ANSWERED) {
				redirect.addFlashAttribute("answered", true);
				return "redirect:/check-in/" + token;
			}
			model.addAttribute("link", link);
			response.setStatus(status(link));
		}
		catch (InvalidChange refused) {
			model.addAttribute("link", this.links.open(token));
			model.addAttribute("error", refused.problems().get(0).code());
			model.addAttribute("note", note);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("token", token);
		return "crisis/check-in-link";
	}

	private static int status(CheckInLink link) {
		return switch (link.state()) {
			case USABLE, ANSWERED -> HttpServletResponse.SC_OK;
			case INVALID -> HttpServletResponse.SC_NOT_FOUND;
			case HELP_ASKED -> HttpServletResponse.SC_CONFLICT;
			case USED, EXPIRED, CLOSED -> HttpServletResponse.SC_GONE;
		};
	}

}
