package io.herald.escalation.web;

import io.herald.escalation.Nudge;
import io.herald.escalation.Team;
import io.herald.shared.ChangeRefused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A manager's team: their reports' missing acknowledgements, with a nudge per person and
 * post and one for everyone. Someone nobody reports to sees a friendly empty page.
 */
@Controller
class TeamController {

	private final Team team;

	TeamController(Team team) {
		this.team = team;
	}

	@GetMapping("/team")
	String show(Model model) {
		model.addAttribute("team", this.team.outstanding());
		return "team/index";
	}

	@PostMapping("/team/nudge")
	String nudge(@RequestParam long announcementId, @RequestParam long employeeId, RedirectAttributes redirect) {
		try {
			Nudge nudge = this.team.nudge(announcementId, employeeId);
			redirect.addFlashAttribute("flashSuccess",
					(nudge == Nudge.SENT) ? "team.nudge.sent" : "team.nudge.alreadyToday");
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		return "redirect:/team";
	}

	@PostMapping("/team/nudge-all")
	String nudgeAll(RedirectAttributes redirect) {
		int sent = this.team.nudgeAll();
		redirect.addFlashAttribute("flashSuccess", (sent > 0) ? "team.nudgeAll.sent" : "team.nudgeAll.none");
		return "redirect:/team";
	}

}
