package io.herald.directory.web;

import io.herald.directory.DirectoryAdministration;
import io.herald.directory.DirectoryEntryNotFound;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.InvalidDirectoryChange;
import io.herald.directory.Languages;
import io.herald.directory.PersonDetails;
import io.herald.shared.ChangeRefused;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR keeps people right: add a new hire, edit a person, deactivate a leaver.
 */
@Controller
@RequestMapping("/admin/directory/people")
class PeopleAdminController {

	private static final String FORM = "directory/person-form";

	private final DirectoryAdministration administration;

	private final EmployeeDirectory directory;

	PeopleAdminController(DirectoryAdministration administration, EmployeeDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	@GetMapping("/new")
	String newPerson(Model model) {
		model.addAttribute("personForm", new PersonForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String add(@Valid @ModelAttribute PersonForm personForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PersonDetails details = personForm.toDetails(result);
		if (details != null) {
			try {
				long id = this.administration.addPerson(details);
				redirect.addFlashAttribute("flashSuccess", "directory.person.added");
				return "redirect:/directory/" + id;
			}
			catch (InvalidDirectoryChange refused) {
				Problems.reject(refused, result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		EmployeeProfile profile = this.directory.findProfile(id).orElseThrow(DirectoryEntryNotFound::new);
		model.addAttribute("personForm", PersonForm.of(profile));
		return form(model, profile);
	}

	@PostMapping("/{id:\\d+}/edit")
	String change(@PathVariable long id, @Valid @ModelAttribute PersonForm personForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		PersonDetails details = personForm.toDetails(result);
		if (details != null) {
			try {
				this.administration.changePerson(id, details);
				redirect.addFlashAttribute("flashSuccess", "directory.person.saved");
				return "redirect:/directory/" + id;
			}
			catch (InvalidDirectoryChange refused) {
				Problems.reject(refused, result);
			}
		}
		return form(model, this.directory.findProfile(id).orElseThrow(DirectoryEntryNotFound::new));
	}

	@PostMapping("/{id:\\d+}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.deactivate(id);
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
			return "redirect:/directory/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "directory.person.deactivated");
		return "redirect:/directory/" + id;
	}

	@PostMapping("/{id:\\d+}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		this.administration.reactivate(id);
		redirect.addFlashAttribute("flashSuccess", "directory.person.reactivated");
		return "redirect:/directory/" + id;
	}

	private String form(Model model, EmployeeProfile profile) {
		model.addAttribute("profile", profile);
		model.addAttribute("departments", this.directory.departmentOptions());
		model.addAttribute("locations", this.directory.locationOptions());
		model.addAttribute("languages", Languages.SUPPORTED);
		return FORM;
	}

}
