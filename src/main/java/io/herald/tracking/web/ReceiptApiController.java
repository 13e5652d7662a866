package io.herald.tracking.web;

import java.time.Instant;
import java.util.List;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;
import io.herald.shared.ChangeRefused;
import io.herald.tracking.ReceiptNotFound;
import io.herald.tracking.Receipts;
import io.herald.tracking.RecipientFilter;
import io.herald.tracking.RecipientQuery;
import io.herald.tracking.RecipientStatus;
import io.herald.tracking.TrackedRecipient;
import io.herald.tracking.TrackingBreakdown;
import io.herald.tracking.TrackingFigures;
import io.herald.tracking.TrackingNotFound;
import io.herald.tracking.TrackingReport;
import io.herald.tracking.TrackingReports;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads, acknowledgements and tracking for API clients. {@code POST …/read} and
 * {@code …/ack} answer 204 and are idempotent; 404 when the caller is not a recipient,
 * 409 when the post asks for no acknowledgement or has expired. Like every changing call
 * of the API they take no body (or JSON) and refuse a browser's cross-site request.
 * {@code GET …/tracking} gives the figures, with rates in percent and time-to-read in
 * seconds, and {@code GET …/tracking/recipients} the recipient list a page at a time
 * ({@code status}: all, not-read, not-acknowledged, overdue, acknowledged;
 * {@code department}: an id, 0 for none), both for HR, administrators and the channel's
 * managers only (404 for anyone else).
 */
@RestController
@RequestMapping("/api/v1/announcements")
class ReceiptApiController {

	static final int MAX_PAGE = 200;

	private final Receipts receipts;

	private final TrackingReports reports;

	private final TrackingApiProblems problems;

	ReceiptApiController(Receipts receipts, TrackingReports reports, TrackingApiProblems problems) {
		this.receipts = receipts;
		this.reports = reports;
		this.problems = problems;
	}

	record Figures(long recipients, long read, long acknowledged, long onTime, long overdue, Double readRate,
			Double ackRate, Double onTimeRate) {

		static Figures of(TrackingFigures figures) {
			return new Figures(figures.recipients(), figures.read(), figures.acknowledged(), figures.onTime(),
					figures.overdue(), figures.readRate(), figures.ackRate(), figures.onTimeRate());
		}

	}

	record DepartmentFigures(Long departmentId, String department, long recipients, long read, long acknowledged,
			long onTime, long overdue) {

		static DepartmentFigures of(TrackingBreakdown row) {
			TrackingFigures f = row.figures();
			return new DepartmentFigures(row.id(), row.name(), f.recipients(), f.read(), f.acknowledged(), f.onTime(),
					f.overdue());
		}

	}

	record LocationFigures(Long locationId, String location, long recipients, long read, long acknowledged, long onTime,
			long overdue) {

		static LocationFigures of(TrackingBreakdown row) {
			TrackingFigures f = row.figures();
			return new LocationFigures(row.id(), row.name(), f.recipients(), f.read(), f.acknowledged(), f.onTime(),
					f.overdue());
		}

	}

	/**
	 * The contract's fields first ({@code recipients, read, acknowledged, overdue,
	 * byDepartment}), then the rest.
	 */
	record Tracking(long recipients, long read, long acknowledged, long overdue, List<DepartmentFigures> byDepartment,
			long onTime, Double readRate, Double ackRate, Double onTimeRate, List<LocationFigures> byLocation, long id,
			String title, Priority priority, AnnouncementStatus status, Instant publishedAt, boolean ackRequired,
			Instant ackDueAt, Double medianTimeToReadSeconds, Double p90TimeToReadSeconds, Instant lastRemindedAt) {

		static Tracking of(TrackingReport report) {
			TrackingFigures t = report.totals();
			return new Tracking(t.recipients(), t.read(), t.acknowledged(), t.overdue(),
					report.byDepartment().stream().map(DepartmentFigures::of).toList(), t.onTime(), t.readRate(),
					t.ackRate(), t.onTimeRate(), report.byLocation().stream().map(LocationFigures::of).toList(),
					report.announcementId(), report.title(), report.priority(), report.status(), report.publishedAt(),
					report.ackRequired(), report.ackDueAt(), seconds(report.medianTimeToRead()),
					seconds(report.p90TimeToRead()), report.reminders().lastRemindedAt());
		}

		private static Double seconds(java.time.Duration duration) {
			return (duration != null) ? duration.toMillis() / 1000.0 : null;
		}

	}

	record Recipient(long id, String name, String email, String department, String location, RecipientStatus status,
			Instant readAt, Instant acknowledgedAt, Instant ackDueAt) {

		static Recipient of(TrackedRecipient r) {
			return new Recipient(r.employeeId(), r.name(), r.email(), r.department(), r.location(), r.status(),
					r.readAt(), r.acknowledgedAt(), r.dueAt());
		}

	}

	record RecipientPage(List<Recipient> items, int page, int size, long total, int totalPages) {

	}

	@PostMapping("/{id:\\d+}/read")
	ResponseEntity<?> read(@PathVariable long id) {
		this.receipts.read(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id:\\d+}/ack")
	ResponseEntity<?> acknowledge(@PathVariable long id,
			@RequestParam(name = "revision", required = false) Integer revision) {
		this.receipts.acknowledge(id, revision);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id:\\d+}/tracking")
	Tracking tracking(@PathVariable long id) {
		return Tracking.of(this.reports.report(id));
	}

	@GetMapping("/{id:\\d+}/tracking/recipients")
	RecipientPage recipients(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long department, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Page<TrackedRecipient> found = this.reports.recipients(id,
				new RecipientQuery(RecipientFilter.parse(status), department),
				PageRequest.of(Math.max(page, 0), Math.max(1, Math.min(size, MAX_PAGE))));
		return new RecipientPage(found.getContent().stream().map(Recipient::of).toList(), found.getNumber(),
				found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	@ExceptionHandler({ ReceiptNotFound.class, TrackingNotFound.class })
	ResponseEntity<ProblemDetail> notFound() {
		return this.problems.notFound();
	}

	@ExceptionHandler(ChangeRefused.class)
	ResponseEntity<ProblemDetail> refused(ChangeRefused refused) {
		return this.problems.refused(refused.code());
	}

}
