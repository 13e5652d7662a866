package io.herald.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.herald.audit.AuditLog;
import io.herald.directory.ImportPlanner.Node;
import io.herald.directory.ImportPlanner.Plan;
import io.herald.shared.ForHrAndAdmins;
import io.herald.shared.SignedInPerson;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * HR's directory import and export in the CSV format of {@link ImportColumn} (the
 * downloadable {@code template.csv} shows every column). A preview and an apply compute
 * the same plan from the file and the directory as it is; an apply writes it in one
 * transaction, all or nothing.
 */
@Service
public class DirectoryImport {

	/**
	 * The largest file accepted, in bytes.
	 */
	public static final int MAX_BYTES = DirectoryCsv.MAX_BYTES;

	/**
	 * The header names of the directory CSV, in the order the export and the template
	 * write them.
	 */
	public static final List<String> COLUMNS = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList();

	// The template's example person fills every column the importer accepts on its own;
	// manager_email stays empty because a manager must already exist or be in the file.
	private static final Map<ImportColumn, String> EXAMPLE = new EnumMap<>(Map.ofEntries(
			Map.entry(ImportColumn.EMAIL, "anna.kowalska@example.com"), Map.entry(ImportColumn.FIRST_NAME, "Anna"),
			Map.entry(ImportColumn.LAST_NAME, "Kowalska"), Map.entry(ImportColumn.EMPLOYEE_NUMBER, "EXAMPLE-0001"),
			Map.entry(ImportColumn.PREFERRED_NAME, "Ania"), Map.entry(ImportColumn.JOB_TITLE, "Payroll specialist"),
			Map.entry(ImportColumn.DEPARTMENT, "People"), Map.entry(ImportColumn.LOCATION, "Warsaw"),
			Map.entry(ImportColumn.PHONE, "+48 22 123 45 67"), Map.entry(ImportColumn.MOBILE, "+48 600 123 456"),
			Map.entry(ImportColumn.TIME_ZONE, "Europe/Warsaw"), Map.entry(ImportColumn.LANGUAGE, "pl"),
			Map.entry(ImportColumn.START_DATE, "2027-01-04"), Map.entry(ImportColumn.ACTIVE, "true"),
			Map.entry(ImportColumn.SKILLS, "Payroll;Polish;English")));

	private static final Duration UPLOADS_KEPT = Duration.ofDays(1);

	private final DirectoryImportJdbc database;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final MessageSource messages;

	DirectoryImport(DirectoryImportJdbc database, ApplicationEventPublisher events, AuditLog audit, Clock clock,
			MessageSource messages) {
		this.database = database;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * What the file would change, and every problem with it; changes nothing.
	 */
	@ForHrAndAdmins
	@Transactional(readOnly = true)
	public ImportReport preview(byte[] csv, boolean fullSync) {
		return report(plan(csv, fullSync));
	}

	/**
	 * Applies the file when it has no problems; with any problem, changes nothing and
	 * reports them.
	 */
	@ForHrAndAdmins
	@Transactional
	public ImportReport apply(byte[] csv, boolean fullSync) {
		Plan plan = plan(csv, fullSync);
		ImportReport report = report(plan);
		if (report.hasErrors()) {
			return report;
		}
		if (!this.database.write(plan, this.clock.instant())) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return ImportReport.failed(List.of(new ImportIssue(null, null, "directoryImport.problem.changedMeanwhile")
				.worded(this.messages, LocaleContextHolder.getLocale())));
		}
		publishEvents(plan);
		this.audit.record("directory.import.applied", "directory", null, "created=" + report.created() + " updated="
				+ report.updated() + " deactivated=" + report.deactivated() + " unchanged=" + report.unchanged());
		return report.asApplied();
	}

	/**
	 * Keeps an uploaded file until it is applied or cancelled, in the database so that
	 * any instance of the application can pick it up; returns its id.
	 */
	@ForHrAndAdmins
	@Transactional
	public UUID stage(String fileName, byte[] csv, boolean fullSync) {
		Instant now = this.clock.instant();
		this.database.deleteUploadsBefore(now.minus(UPLOADS_KEPT));
		UUID id = UUID.randomUUID();
		String name = (fileName != null && fileName.length() > 255) ? fileName.substring(0, 255) : fileName;
		this.database.saveUpload(id, name, csv, fullSync, currentEmail(), now);
		return id;
	}

	/**
	 * A staged file with what it would change now. Only the person who uploaded it sees
	 * it.
	 */
	@ForHrAndAdmins
	@Transactional(readOnly = true)
	public Optional<StagedImport> staged(UUID id) {
		return upload(id).map((upload) -> new StagedImport(upload.id(), upload.fileName(), upload.fullSync(),
				report(plan(upload.content(), upload.fullSync()))));
	}

	/**
	 * Applies a staged file, checked again against the directory as it is now, and
	 * forgets it when applied.
	 */
	@ForHrAndAdmins
	@Transactional
	public Optional<ImportReport> applyStaged(UUID id) {
		return upload(id).map((upload) -> {
			ImportReport report = apply(upload.content(), upload.fullSync());
			if (report.applied()) {
				this.database.deleteUpload(id);
			}
			return report;
		});
	}

	@ForHrAndAdmins
	@Transactional
	public void discard(UUID id) {
		upload(id).ifPresent((upload) -> this.database.deleteUpload(id));
	}

	/**
	 * Every person, active or not, in the import format: UTF-8 with a BOM (so
	 * spreadsheets read Polish and Chinese right), CRLF line ends, formula-like cells
	 * made inert.
	 */
	@ForHrAndAdmins
	@Transactional(readOnly = true)
	public byte[] export() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		bytes.writeBytes(DirectoryCsv.bom());
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, DirectoryCsv.FORMAT)) {
			printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header));
			this.database.export((values) -> {
				try {
					printer.printRecord(Arrays.stream(values).map(DirectoryCsv::neutralise));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * An empty file to start from: the header row with every column and one example
	 * person, written like the export (BOM, CRLF, formula-like cells made inert).
	 */
	@ForHrAndAdmins
	public byte[] template() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		bytes.writeBytes(DirectoryCsv.bom());
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, DirectoryCsv.FORMAT)) {
			printer.printRecord(COLUMNS);
			printer.printRecord(
					Arrays.stream(ImportColumn.values()).map((column) -> DirectoryCsv.neutralise(EXAMPLE.get(column))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private Plan plan(byte[] csv, boolean fullSync) {
		DirectoryCsv.Parsed parsed = DirectoryCsv.parse(csv);
		if (parsed.rows().isEmpty()) {
			return ImportPlanner.plan(parsed,
					new ImportPlanner.Snapshot(List.of(), java.util.Map.of(), java.util.Map.of()), false);
		}
		return ImportPlanner.plan(parsed, this.database.snapshot(), fullSync);
	}

	// Problems are worded here rather than by the planner so that a plan stays
	// free of the reader's language, which only the request knows.
	private ImportReport report(Plan plan) {
		return plan.report(this.messages, LocaleContextHolder.getLocale());
	}

	private void publishEvents(Plan plan) {
		List<Long> joined = plan.created()
			.stream()
			.filter(Node::activeAfter)
			.map((node) -> node.createdId)
			.filter(Objects::nonNull)
			.toList();
		List<Long> left = plan.updated()
			.stream()
			.filter((node) -> node.activeBefore() && !node.activeAfter())
			.map((node) -> node.id)
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		plan.deactivated().forEach((node) -> left.add(node.id));
		List<Long> returned = plan.updated()
			.stream()
			.filter((node) -> !node.activeBefore() && node.activeAfter())
			.map((node) -> node.id)
			.toList();
		List<Long> moved = plan.updated()
			.stream()
			.filter((node) -> node.activeBefore() && node.activeAfter())
			.filter((node) -> !Objects.equals(node.before[ImportColumn.DEPARTMENT.ordinal()],
					node.get(ImportColumn.DEPARTMENT))
					|| !Objects.equals(node.before[ImportColumn.LOCATION.ordinal()], node.get(ImportColumn.LOCATION)))
			.map((node) -> node.id)
			.toList();
		if (!moved.isEmpty()) {
			this.events.publishEvent(new EmployeesMoved(moved));
		}
		if (!joined.isEmpty()) {
			this.events.publishEvent(new EmployeesJoined(joined));
		}
		if (!left.isEmpty()) {
			this.events.publishEvent(new EmployeesLeft(List.copyOf(left)));
		}
		if (!returned.isEmpty()) {
			this.events.publishEvent(new EmployeesReturned(returned));
		}
	}

	private Optional<DirectoryImportJdbc.Upload> upload(UUID id) {
		String me = currentEmail();
		return this.database.findUpload(id).filter((upload) -> Objects.equals(upload.uploadedBy(), me));
	}

	private static String currentEmail() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return null;
		}
		return (authentication.getPrincipal() instanceof SignedInPerson person) ? person.email()
				: authentication.getName();
	}

}
