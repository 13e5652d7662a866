package io.herald.directory.web;

import java.time.ZoneId;

import io.herald.directory.DirectoryAdministration;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.InvalidDirectoryChange;
import io.herald.shared.Zones;
import io.herald.shared.SingleLine;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's view of the organisation's frame: departments with their heads, locations with
 * their time zones.
 */
@Controller
class OrganisationAdminController {

	private final DirectoryAdministration administration;

	private final EmployeeDirectory directory;

	OrganisationAdminController(DirectoryAdministration administration, EmployeeDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	@GetMapping("/admin/directory")
	String organisation(Model model) {
		model.addAttribute("departments", this.directory.departments());
		model.addAttribute("locations", this.directory.locations());
		return "directory/organisation";
	}

	@PostMapping({ "/admin/directory/departments", "/admin/directory/departments/{id:\\d+}" })
	String saveDepartment(@PathVariable(required = false) Long id, @RequestParam @SingleLine String name,
			@RequestParam(required = false) @SingleLine String headEmail, RedirectAttributes redirect) {
		try {
			this.administration.saveDepartment(id, name, headEmail);
			redirect.addFlashAttribute("flashSuccess", "directory.department.saved");
		}
		catch (InvalidDirectoryChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/admin/directory";
	}

	@PostMapping({ "/admin/directory/locations", "/admin/directory/locations/{id:\\d+}" })
	String saveLocation(@PathVariable(required = false) Long id, @RequestParam @SingleLine String name,
			@RequestParam @SingleLine String timeZone, RedirectAttributes redirect) {
		ZoneId zone = Zones.parse(timeZone).orElse(null);
		if (zone == null) {
			redirect.addFlashAttribute("flashError", "directory.timeZone.invalid");
			return "redirect:/admin/directory";
		}
		try {
			this.administration.saveLocation(id, name, zone);
			redirect.addFlashAttribute("flashSuccess", "directory.location.saved");
		}
		catch (InvalidDirectoryChange refused) {
			redirect.addFlashAttribute("flashError", refused.problems().get(0).code());
		}
		return "redirect:/admin/directory";
	}

	/**
	 * A name on more than one line (or with NUL): nothing saved, and the page says why.
	 */
	@ExceptionHandler(HandlerMethodValidationException.class)
	String refused(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", "validation.singleLine");
		return "redirect:/admin/directory";
	}

}
