package io.herald.directory.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.herald.shared.ChangeRefused;
import io.herald.directory.DirectoryImport;
import io.herald.directory.ImportReport;
import io.herald.directory.PersonChange;
import io.herald.directory.StagedImport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's directory import: upload a CSV, see what it would change, apply or cancel; and the
 * export in the same format. The upload waits in the database between the steps, so any
 * instance can serve the next one.
 */
@Controller
class DirectoryImportController {

	static final String PATH = "/admin/directory/import";

	// Long lists are cut here on the page; the counts always show the full numbers.
	static final int SHOWN = 100;

	private final DirectoryImport imports;

	DirectoryImportController(DirectoryImport imports) {
		this.imports = imports;
	}

	@GetMapping(PATH)
	String form(Model model) {
		model.addAttribute("maxMegabytes", DirectoryImport.MAX_BYTES / 1024 / 1024);
		model.addAttribute("maxBytes", DirectoryImport.MAX_BYTES);
		return "directory-import/upload";
	}

	@PostMapping(PATH)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "fullSync", defaultValue = "false") boolean fullSync, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flashError", "directoryImport.noFile");
			return "redirect:" + PATH;
		}
		return "redirect:" + PATH + "/" + stage(file, fullSync);
	}

	/**
	 * The same upload sent by the progress script: it answers with where the preview is,
	 * instead of a redirect the script would follow and render in the background.
	 */
	@PostMapping(path = PATH, headers = "X-Upload-Progress")
	@ResponseBody
	ResponseEntity<String> uploadWithProgress(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "fullSync", defaultValue = "false") boolean fullSync) throws IOException {
		if (file == null || file.isEmpty()) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(PATH);
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(PATH + "/" + stage(file, fullSync));
	}

	@GetMapping(PATH + "/{id}")
	String preview(@PathVariable UUID id, Model model) {
		StagedImport staged = this.imports.staged(id).orElseThrow(DirectoryImportController::notFound);
		ImportReport report = staged.report();
		model.addAttribute("staged", staged);
		model.addAttribute("report", report);
		List<PersonChange> created = first(report.createdPeople());
		model.addAttribute("createdShown", created);
		model.addAttribute("createdColumns", columnsIn(created));
		model.addAttribute("updatedShown", first(report.updatedPeople()));
		model.addAttribute("deactivatedShown", first(report.deactivatedPeople()));
		model.addAttribute("shown", SHOWN);
		return "directory-import/preview";
	}

	@PostMapping(PATH + "/{id}/apply")
	String apply(@PathVariable UUID id, RedirectAttributes redirect) {
		ImportReport report;
		try {
			report = this.imports.applyStaged(id).orElseThrow(DirectoryImportController::notFound);
		}
		catch (ChangeRefused refused) {
			redirect.addFlashAttribute("flashError", refused.code());
			return "redirect:" + PATH + "/" + id;
		}
		if (!report.applied()) {
			redirect.addFlashAttribute("flashError", "directoryImport.notApplied");
			return "redirect:" + PATH + "/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "directoryImport.applied");
		// Only the counts: the report's field-by-field changes can be tens of thousands
		// of rows,
		// and the flash lives in the session.
		redirect.addFlashAttribute("appliedCounts",
				new AppliedCounts(report.created(), report.updated(), report.deactivated(), report.unchanged()));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/cancel")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		this.imports.discard(id);
		redirect.addFlashAttribute("flashSuccess", "directoryImport.cancelled");
		return "redirect:" + PATH;
	}

	@GetMapping("/admin/directory/export.csv")
	ResponseEntity<byte[]> export() {
		return csv(this.imports.export(), "herald-directory-" + LocalDate.now() + ".csv");
	}

	@GetMapping(PATH + "/template.csv")
	ResponseEntity<byte[]> template() {
		return csv(this.imports.template(), "herald-directory-template.csv");
	}

	private static ResponseEntity<byte[]> csv(byte[] csv, String fileName) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

	private UUID stage(MultipartFile file, boolean fullSync) throws IOException {
		return this.imports.stage(file.getOriginalFilename(), file.getBytes(), fullSync);
	}

	/**
	 * The columns the new people have values in, in the file format's order: the created
	 * table shows these and leaves out columns nobody fills.
	 */
	private static List<String> columnsIn(List<PersonChange> people) {
		Set<String> filled = new HashSet<>();
		people.forEach((person) -> person.changes().forEach((change) -> filled.add(change.field())));
		return DirectoryImport.COLUMNS.stream().filter(filled::contains).toList();
	}

	private static <T> List<T> first(List<T> items) {
		return (items.size() > SHOWN) ? items.subList(0, SHOWN) : items;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/**
	 * What an applied import changed, for the message on the next page.
	 */
	record AppliedCounts(int created, int updated, int deactivated, int unchanged) implements java.io.Serializable {

	}

}
