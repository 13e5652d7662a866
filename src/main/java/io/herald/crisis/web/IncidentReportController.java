package io.herald.crisis.web;

import java.nio.charset.StandardCharsets;

import io.herald.crisis.IncidentReports;
import io.herald.shared.ChangeRefused;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The after-action report of a resolved incident and the drill report of a drill: pages
 * made to print, and their CSV.
 */
@Controller
class IncidentReportController {

	private final IncidentReports reports;

	IncidentReportController(IncidentReports reports) {
		this.reports = reports;
	}

	@GetMapping("/crisis/incidents/{id:\\d+}/report")
	String report(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("report", this.reports.report(id));
			return "crisis/report";
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
			return "redirect:/crisis/incidents/" + id;
		}
	}

	@GetMapping("/crisis/incidents/{id:\\d+}/drill-report")
	String drillReport(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("report", this.reports.drill(id));
			return "crisis/drill-report";
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
			return "redirect:/crisis/incidents/" + id;
		}
	}

	@GetMapping("/crisis/incidents/{id:\\d+}/drill-report.csv")
	ResponseEntity<byte[]> drillCsv(@PathVariable long id) {
		try {
			return csv(this.reports.drillCsv(id), "drill-" + id + ".csv");
		}
		catch (ChangeRefused refused) {
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/crisis/incidents/" + id).build();
		}
	}

	@GetMapping("/crisis/incidents/{id:\\d+}/report.csv")
	ResponseEntity<byte[]> csv(@PathVariable long id) {
		try {
			return csv(this.reports.csv(id), "incident-" + id + ".csv");
		}
		catch (ChangeRefused refused) {
			return ResponseEntity.status(303)
				.header(HttpHeaders.LOCATION, "/crisis/incidents/" + id + "/report")
				.build();
		}
	}

	private static ResponseEntity<byte[]> csv(byte[] csv, String filename) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(csv);
	}

}
