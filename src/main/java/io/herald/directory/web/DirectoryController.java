package io.herald.directory.web;

import java.nio.charset.StandardCharsets;

import io.herald.directory.DirectoryEntryNotFound;
import io.herald.directory.DirectorySearch;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.EmployeeSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory as employees use it: search, profiles, the org chart.
 */
@Controller
class DirectoryController {

	private static final int PAGE_SIZE = 25;

	private static final Sort BY_NAME = Sort.by("lastName", "firstName", "id");

	private final EmployeeDirectory directory;

	DirectoryController(EmployeeDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/directory")
	String search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "department", required = false) Long department,
			@RequestParam(name = "location", required = false) Long location,
			@RequestParam(name = "inactive", defaultValue = "false") boolean inactive,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<EmployeeSummary> people = this.directory.search(new DirectorySearch(query, department, location, inactive),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE, BY_NAME));
		model.addAttribute("query", query);
		model.addAttribute("department", department);
		model.addAttribute("location", location);
		model.addAttribute("inactive", inactive);
		model.addAttribute("people", people);
		model.addAttribute("departments", this.directory.departmentOptions());
		model.addAttribute("locations", this.directory.locationOptions());
		return "directory/search";
	}

	@GetMapping("/directory/{id:\\d+}")
	String profile(@PathVariable long id, Model model) {
		model.addAttribute("profile", profileOf(id));
		return "directory/profile";
	}

	@GetMapping("/directory/{id:\\d+}.vcf")
	ResponseEntity<byte[]> vcard(@PathVariable long id) {
		EmployeeProfile profile = profileOf(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "vcard", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(profile.email().replaceAll("[^A-Za-z0-9._-]", "_") + ".vcf")
						.build()
						.toString())
			.body(VCard.of(profile).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/directory/org-chart")
	String orgChart(@RequestParam(name = "around", required = false) Long around, Model model) {
		model.addAttribute("chart", this.directory.orgChart(around).orElseThrow(DirectoryEntryNotFound::new));
		model.addAttribute("around", around);
		return "directory/org-chart";
	}

	/**
	 * One more level of the chart, for the page's "expand" (htmx); without JavaScript the
	 * same link opens the chart around that person instead.
	 */
	@GetMapping("/directory/org-chart/{id:\\d+}/reports")
	String reports(@PathVariable long id, Model model) {
		model.addAttribute("treeNodes", this.directory.reportsOf(id));
		return "directory/org-chart :: tree";
	}

	private EmployeeProfile profileOf(long id) {
		return this.directory.findProfile(id).orElseThrow(DirectoryEntryNotFound::new);
	}

}
