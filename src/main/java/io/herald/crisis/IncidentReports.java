package io.herald.crisis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.account.AccountService;
import io.herald.crisis.DrillReport.Gap;
import io.herald.crisis.DrillReport.GapReason;
import io.herald.crisis.IncidentReport.HelpCase;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.Reachability;
import io.herald.notification.EmailOutcome;
import io.herald.notification.Notifications;
import io.herald.notification.OutboxStatus;
import io.herald.shared.ChangeRefused;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-action reports of resolved incidents, and drill reports of who a drill could
 * reach, as printable pages and as CSV.
 */
@Service
public class IncidentReports {

	static final String[] CSV_HEADER = { "section", "time", "what", "who", "title", "detail" };

	static final String[] DRILL_CSV_HEADER = { "employee_id", "name", "location", "email", "mobile", "gaps",
			"email_error", "check_in" };

	static final int DRILL_LISTED = 500;

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final JdbcClient jdbc;

	private final IncidentRoster roster;

	private final IncidentResponse response;

	private final EmployeeDirectory directory;

	private final CrisisPlans plans;

	private final AccountService accounts;

	private final Notifications notifications;

	IncidentReports(JdbcClient jdbc, IncidentRoster roster, IncidentResponse response, EmployeeDirectory directory,
			CrisisPlans plans, AccountService accounts, Notifications notifications) {
		this.jdbc = jdbc;
		this.roster = roster;
		this.response = response;
		this.directory = directory;
		this.plans = plans;
		this.accounts = accounts;
		this.notifications = notifications;
	}

	/**
	 * The report; every need-help case, not only the roster's first ones.
	 * @throws IncidentNotFound when there is no such incident
	 * @throws ChangeRefused while the incident is still open
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public IncidentReport report(long incidentId) {
		IncidentView incident = this.roster.find(incidentId);
		if (incident.open()) {
			throw new ChangeRefused("crisis.report.notResolved");
		}
		List<HelpAsked> rows = this.jdbc.sql("""
				select employee_id, location_id, note, answered_at from crisis_check_ins
				where incident_id = :incident and status = 'NEED_HELP'
				order by answered_at, employee_id
				""")
			.param("incident", incidentId)
			.query((rs, n) -> new HelpAsked(rs.getLong("employee_id"), rs.getObject("location_id", Long.class),
					rs.getString("note"), rs.getTimestamp("answered_at").toInstant()))
			.list();
		Set<Long> people = new HashSet<>();
		rows.forEach((row) -> people.add(row.employeeId()));
		Map<Long, Reachability> reach = this.directory.findReachability(people);
		Map<Long, String> locations = this.directory.locationOptions()
			.stream()
			.collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
		List<HelpCase> cases = rows.stream().map((row) -> {
			Reachability r = reach.get(row.employeeId());
			String phone = (r == null) ? null : (r.mobile() != null) ? r.mobile() : r.phone();
			return new HelpCase(row.employeeId(), (r != null) ? r.displayName() : "",
					(row.locationId() != null) ? locations.get(row.locationId()) : null, phone, row.note(),
					row.answeredAt());
		}).toList();
		return new IncidentReport(incident, this.response.timeline(incidentId), this.response.checklist(incidentId),
				cases);
	}

	/**
	 * The report as CSV: UTF-8 with a BOM, CRLF line ends, times in ISO-8601 UTC,
	 * durations in ISO-8601 (PT4M30S), formula-like cells made inert. One table whose
	 * first column names the section: summary, timeline, checklist, need_help.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public byte[] csv(long incidentId) {
		IncidentReport report = report(incidentId);
		IncidentView incident = report.incident();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
		bytes.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSV)) {
			printer.printRecord((Object[]) CSV_HEADER);
			printer.printRecord("summary", time(incident.openedAt()), "incident", cell(incident.openedBy()),
					cell(incident.title()), incident.drill() ? "drill" : "");
			summary(printer, "recipients", Long.toString(incident.recipients()));
			summary(printer, "safe", Long.toString(incident.safe()));
			summary(printer, "need_help", Long.toString(incident.needHelp()));
			summary(printer, "no_response", Long.toString(incident.noResponse()));
			IncidentView.AfterAction marks = incident.afterAction();
			summary(printer, "time_to_50_percent", duration((marks != null) ? marks.toHalf() : null));
			summary(printer, "time_to_90_percent", duration((marks != null) ? marks.toNinetyPercent() : null));
			summary(printer, "time_to_100_percent", duration((marks != null) ? marks.toEveryone() : null));
			summary(printer, "checklist_done", report.stepsDone() + "/" + report.checklist().size());
			for (TimelineEntry entry : report.timeline()) {
				printer.printRecord("timeline", time(entry.at()), entry.kind().name(), cell(entry.by()),
						cell(entry.title()), (entry.people() != null) ? entry.people().toString() : cell(entry.body()));
			}
			for (ChecklistItem step : report.checklist()) {
				printer.printRecord("checklist", time(step.doneAt()), step.done() ? "done" : "not_done",
						cell(step.doneBy()), cell(step.description()), step.role().name());
			}
			for (HelpCase help : report.needHelp()) {
				printer.printRecord("need_help", time(help.answeredAt()), cell(help.location()), cell(help.name()),
						cell(help.phone()), cell(help.note()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The drill report, while the drill runs and after: reach by medium from the
	 * directory, accounts and the alert's e-mails as they stand now.
	 * @throws IncidentNotFound when there is no such incident
	 * @throws ChangeRefused when the incident is not a drill
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public DrillReport drill(long incidentId) {
		return drill(incidentId, DRILL_LISTED);
	}

	private DrillReport drill(long incidentId, int listed) {
		IncidentView incident = this.roster.find(incidentId);
		if (!incident.drill()) {
			throw new ChangeRefused("crisis.drillReport.notDrill");
		}
		List<Medium> media = this.plans.find(incident.planId()).map(PlanView::media).orElse(List.of());
		List<Answer> roster = this.jdbc.sql("""
				select employee_id, location_id, status, answered_via from crisis_check_ins
				where incident_id = :incident
				""")
			.param("incident", incidentId)
			.query((rs, n) -> new Answer(rs.getLong("employee_id"), rs.getObject("location_id", Long.class),
					CheckInStatus.valueOf(rs.getString("status")), rs.getString("answered_via")))
			.list();
		List<Long> people = roster.stream().map(Answer::employeeId).toList();
		Map<Long, Reachability> reach = this.directory.findReachability(people);
		Set<Long> signIn = this.accounts.employeesAbleToSignIn(people);
		Map<Long, EmailOutcome> emails = (incident.announcementId() != null)
				? this.notifications.criticalEmailOutcomes(incident.announcementId()) : Map.of();
		Map<Long, String> locations = this.directory.locationOptions()
			.stream()
			.collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
		Map<AnsweredVia, Long> via = new EnumMap<>(AnsweredVia.class);
		for (AnsweredVia each : AnsweredVia.values()) {
			via.put(each, 0L);
		}
		long inApp = 0;
		long email = 0;
		long emailFailed = 0;
		long emailWaiting = 0;
		long emailNotSent = 0;
		long mobile = 0;
		List<Gap> gaps = new ArrayList<>();
		for (Answer row : roster) {
			long id = row.employeeId();
			if (row.via() != null) {
				via.merge(AnsweredVia.valueOf(row.via()), 1L, Long::sum);
			}
			Reachability person = reach.get(id);
			EmailOutcome outcome = emails.get(id);
			List<GapReason> reasons = new ArrayList<>();
			if (person == null || !person.active()) {
				// Nobody reaches someone who left, by any medium: that is the gap.
				reasons.add(GapReason.LEFT);
			}
			else if (signIn.contains(id)) {
				inApp++;
			}
			else {
				reasons.add(GapReason.NO_ACCOUNT);
			}
			if (reasons.contains(GapReason.LEFT)) {
				// Counted as reached by nothing.
			}
			else if (!present(person.email())) {
				reasons.add(GapReason.NO_EMAIL);
			}
			else if (outcome != null && outcome.status() == OutboxStatus.FAILED) {
				reasons.add(GapReason.EMAIL_FAILED);
				emailFailed++;
			}
			else if (outcome != null && outcome.status() == OutboxStatus.SENT) {
				email++;
			}
			else if (outcome != null
					&& (outcome.status() == OutboxStatus.PENDING || outcome.status() == OutboxStatus.HELD)) {
				emailWaiting++;
			}
			else {
				// Cancelled (they answered before it went out) or never queued (they
				// joined the alert's audience later).
				emailNotSent++;
			}
			if (reasons.contains(GapReason.LEFT)) {
				// As above.
			}
			else if (present(person.mobile())) {
				mobile++;
			}
			else {
				reasons.add(GapReason.NO_MOBILE);
			}
			if (!reasons.isEmpty()) {
				gaps.add(new Gap(id, (person != null) ? person.displayName() : "",
						(row.locationId() != null) ? locations.get(row.locationId()) : null,
						(person != null) ? person.email() : null, (person != null) ? person.mobile() : null,
						List.copyOf(reasons), (reasons.contains(GapReason.EMAIL_FAILED)) ? outcome.error() : null,
						row.status()));
			}
		}
		// The people most cut off first: those no medium reached, then by name.
		gaps.sort(Comparator.comparingInt((Gap gap) -> -gap.reasons().size())
			.thenComparing(Gap::name, Collator.getInstance(LocaleContextHolder.getLocale())));
		List<Gap> shown = (gaps.size() > listed) ? List.copyOf(gaps.subList(0, listed)) : List.copyOf(gaps);
		return new DrillReport(incident, media, inApp, email, emailFailed, emailWaiting, emailNotSent, mobile, via,
				gaps.size(), shown, gaps.size() - shown.size());
	}

	/**
	 * The drill report as CSV: one row per person some medium could not reach, with the
	 * reasons ({@code NO_ACCOUNT;NO_MOBILE}), UTF-8 with a BOM, formula-like cells inert.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public byte[] drillCsv(long incidentId) {
		DrillReport report = drill(incidentId, Integer.MAX_VALUE);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
		bytes.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSV)) {
			printer.printRecord((Object[]) DRILL_CSV_HEADER);
			for (Gap gap : report.gaps()) {
				printer.printRecord(gap.employeeId(), cell(gap.name()), cell(gap.location()), cell(gap.email()),
						cell(gap.mobile()), String.join(";", gap.reasons().stream().map(GapReason::name).toList()),
						cell(gap.emailError()), gap.status().name());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private record HelpAsked(long employeeId, Long locationId, String note, Instant answeredAt) {

	}

	private record Answer(long employeeId, Long locationId, CheckInStatus status, String via) {

	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static void summary(CSVPrinter printer, String what, String value) throws IOException {
		printer.printRecord("summary", "", what, "", "", value);
	}

	private static String cell(String value) {
		return (value != null) ? SpreadsheetCells.neutralise(value) : "";
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private static String duration(Duration duration) {
		return (duration != null) ? duration.toString() : "";
	}

}
