package io.herald.directory.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.herald.directory.DirectoryImport;
import io.herald.directory.ImportProblem;
import io.herald.directory.ImportReport;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory import for integrations: the CSV as the request body, the report as JSON.
 * Any problem gives 422 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryImportApiController {

	static final URI INVALID_FILE = URI.create("https://herald.example/problems/directory-import-invalid");

	static final URI TOO_LARGE = URI.create("https://herald.example/problems/directory-import-too-large");

	record Result(int created, int updated, int deactivated, int unchanged, boolean applied,
			List<ImportProblem> errors) {

	}

	private final DirectoryImport imports;

	DirectoryImportApiController(DirectoryImport imports) {
		this.imports = imports;
	}

	/**
	 * Takes {@code text/csv} only: a page on another site can post {@code text/plain}
	 * without asking first, and a full sync can deactivate everyone.
	 */
	@PostMapping(path = "/import", consumes = "text/csv")
	ResponseEntity<?> importCsv(@RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
			@RequestParam(name = "fullSync", defaultValue = "false") boolean fullSync, HttpServletRequest request)
			throws IOException {
		byte[] csv;
		// Read at most one byte past the limit: a huge body is refused without holding
		// it.
		try (InputStream body = request.getInputStream()) {
			csv = body.readNBytes(DirectoryImport.MAX_BYTES + 1);
		}
		if (csv.length > DirectoryImport.MAX_BYTES) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The file is larger than " + (DirectoryImport.MAX_BYTES / 1024 / 1024)
							+ " MB. Split it and import the parts one after another.");
			problem.setType(TOO_LARGE);
			problem.setTitle("File too large");
			return problem(problem);
		}
		ImportReport report = dryRun ? this.imports.preview(csv, fullSync) : this.imports.apply(csv, fullSync);
		if (report.hasErrors()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"The file has " + report.errors().size() + " problem(s); nothing was changed.");
			problem.setType(INVALID_FILE);
			problem.setTitle("The import file has problems");
			problem.setProperty("created", report.created());
			problem.setProperty("updated", report.updated());
			problem.setProperty("deactivated", report.deactivated());
			problem.setProperty("unchanged", report.unchanged());
			problem.setProperty("errors", report.errors());
			return problem(problem);
		}
		return ResponseEntity.ok(new Result(report.created(), report.updated(), report.deactivated(),
				report.unchanged(), report.applied(), report.errors()));
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
