package io.herald.crisis.web;

import io.herald.crisis.ProcedureNotFound;
import io.herald.crisis.ProcedureView;
import io.herald.crisis.Procedures;
import io.herald.shared.InvalidChange;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Support procedures: everyone reads them on one page; comms managers and administrators
 * write them.
 */
@Controller
class ProcedureController {

	private final Procedures procedures;

	ProcedureController(Procedures procedures) {
		this.procedures = procedures;
	}

	@GetMapping("/procedures")
	String list(Model model) {
		model.addAttribute("procedures", this.procedures.all());
		return "procedures/list";
	}

	@GetMapping("/procedures/new")
	String create(Model model) {
		model.addAttribute("procedureForm", ProcedureForm.empty());
		return form(model, null);
	}

	@PostMapping("/procedures")
	String create(@Valid @ModelAttribute ProcedureForm procedureForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.procedures.create(procedureForm.toDraft());
			redirect.addFlashAttribute("flashSuccess", "procedures.created");
			return "redirect:/procedures#procedure-" + id;
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return form(model, null);
		}
	}

	@GetMapping("/procedures/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		ProcedureView procedure = procedure(id);
		model.addAttribute("procedureForm", ProcedureForm.of(procedure));
		return form(model, procedure);
	}

	@PostMapping("/procedures/{id:\\d+}")
	String save(@PathVariable long id, @Valid @ModelAttribute ProcedureForm procedureForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		ProcedureView procedure = procedure(id);
		if (result.hasErrors()) {
			return form(model, procedure);
		}
		try {
			this.procedures.change(id, procedureForm.getVersion(), procedureForm.toDraft());
		}
		catch (InvalidChange refused) {
			Rejections.addTo(result, refused);
			return form(model, procedure);
		}
		redirect.addFlashAttribute("flashSuccess", "procedures.saved");
		return "redirect:/procedures#procedure-" + id;
	}

	private String form(Model model, ProcedureView procedure) {
		model.addAttribute("procedure", procedure);
		return "procedures/form";
	}

	private ProcedureView procedure(long id) {
		return this.procedures.find(id).orElseThrow(() -> new ProcedureNotFound(id));
	}

}
