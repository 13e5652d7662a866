package io.herald.tracking.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.herald.shared.ChangeRefused;
import io.herald.tracking.ManualReminders;
import io.herald.tracking.Reminded;
import io.herald.tracking.RecipientFilter;
import io.herald.tracking.RecipientQuery;
import io.herald.tracking.TrackedRecipient;
import io.herald.tracking.TrackingReport;
import io.herald.tracking.TrackingReports;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tracking page of a post for HR, administrators and its channel's managers (404 for
 * everyone else, from the service): figures with percentages, time-to-read, tables by
 * department and location, the recipient list filtered by status and department, its CSV
 * export with the same filters, and the reminder button.
 */
@Controller
@RequestMapping("/manage/announcements/{id:\\d+}")
class TrackingController {

	static final int PAGE_SIZE = 50;

	private final TrackingReports reports;

	private final ManualReminders reminders;

	TrackingController(TrackingReports reports, ManualReminders reminders) {
		this.reports = reports;
		this.reminders = reminders;
	}

	@GetMapping("/tracking")
	String tracking(@PathVariable long id, @RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "department", required = false) String department,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model) {
		TrackingReport report = this.reports.report(id);
		RecipientQuery query = query(status, department);
		Page<TrackedRecipient> recipients = this.reports.recipients(id, query,
				PageRequest.of(pageNumber(page), PAGE_SIZE));
		model.addAttribute("report", report);
		model.addAttribute("recipients", recipients);
		model.addAttribute("status", query.status());
		model.addAttribute("department", query.departmentId());
		model.addAttribute("filters", report.ackRequired() ? List.of(RecipientFilter.values())
				: List.of(RecipientFilter.ALL, RecipientFilter.NOT_READ));
		model.addAttribute("medianTimeToRead", Durations.of(report.medianTimeToRead()));
		model.addAttribute("p90TimeToRead", Durations.of(report.p90TimeToRead()));
		return "manage-tracking/tracking";
	}

	@GetMapping("/tracking.csv")
	ResponseEntity<byte[]> csv(@PathVariable long id, @RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "department", required = false) String department) {
		byte[] csv = this.reports.csv(id, query(status, department));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("tracking-" + id + ".csv").build().toString())
			.body(csv);
	}

	@PostMapping("/tracking/remind")
	String remind(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Reminded reminded = this.reminders.remindNonAcknowledgers(id);
			redirect.addFlashAttribute("reminded", reminded.recipients());
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
		}
		return "redirect:/manage/announcements/" + id + "/tracking";
	}

	private static RecipientQuery query(String status, String department) {
		return new RecipientQuery(RecipientFilter.parse(status), number(department));
	}

	private static Long number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long value = Long.parseLong(text.strip());
			return (value >= 0) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int pageNumber(String text) {
		Long page = number(text);
		return (page != null && page < 1_000_000) ? page.intValue() : 0;
	}

}
