package io.herald.insight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.ForHrAndAdmins;
import io.herald.shared.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The insight dashboards as CSV, for spreadsheets: every post of a period, the breakdowns
 * by department and location, the channel map and the overdue people. Each file holds
 * what its page shows, read by {@link Insight}; text cells are neutralised so a
 * spreadsheet never runs them as formulas, and the notes are in the reader's language.
 */
@Service
public class InsightExports {

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	// A UTF-8 byte order mark, so spreadsheets do not guess another encoding.
	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final Insight insight;

	private final InsightRules rules;

	private final EmployeeDirectory directory;

	private final MessageSource messages;

	InsightExports(Insight insight, InsightRules rules, EmployeeDirectory directory, MessageSource messages) {
		this.insight = insight;
		this.rules = rules;
		this.directory = directory;
		this.messages = messages;
	}

	@ForCommsHrAndAdmins
	public byte[] announcementsCsv(InsightFilter filter, PostSort sort, boolean descending) {
		List<PostFigures> posts = this.insight.announcements(filter, sort, descending);
		return csv(List.of("id", "published_at", "title", "channel", "priority", "reach", "read", "read_percent",
				"ack_required", "acknowledged", "ack_percent", "on_time", "overdue", "ack_due", "due_later", "note"),
				(printer) -> {
					for (PostFigures post : posts) {
						List<Object> row = new ArrayList<>(List.of(post.id(), post.publishedAt().toString(),
								cell(post.title()), cell(post.channel()), post.priority().name()));
						row.addAll(figureCells(post.figures()));
						printer.printRecord(row);
					}
				});
	}

	@ForCommsHrAndAdmins
	public byte[] departmentsCsv(InsightFilter filter) {
		return breakdownCsv("department", this.insight.overview(filter).byDepartment());
	}

	@ForCommsHrAndAdmins
	public byte[] locationsCsv(InsightFilter filter) {
		return breakdownCsv("location", this.insight.overview(filter).byLocation());
	}

	@ForCommsHrAndAdmins
	public byte[] channelsCsv() {
		ChannelMap map = this.insight.channelMap();
		return csv(
				List.of("channel", "slug", "kind", "audience", "posts_" + map.windowDays() + "_days", "last_post",
						"read_percent", "median_time_to_read_within_minutes", "on_time_ack_percent", "flags", "note"),
				(printer) -> {
					for (ChannelInsight c : map.channels()) {
						printer.printRecord(cell(c.name()), cell(c.slug()), c.kind().name(), c.audience(), c.posts(),
								(c.lastPost() != null) ? c.lastPost().toString() : "", percent(c.figures().readRate()),
								(c.median() == null) ? ""
										: (c.median().within().toMinutes() + (c.median().orLonger() ? "+" : "")),
								percent(c.figures().onTimeRate()),
								String.join(";", c.flags().stream().map((f) -> f.kind().name()).toList()),
								c.figures().hidden() ? fewerThan(map.minimumGroupSize()) : "");
					}
				});
	}

	/**
	 * Everyone the filter counts who owes an acknowledgement past due now, one row per
	 * person and post, longest overdue first.
	 */
	@ForHrAndAdmins
	public byte[] overdueCsv(InsightFilter filter) {
		List<OverduePerson> people = this.insight.overdue(filter);
		Map<Long, String> departments = new HashMap<>();
		this.directory.departmentOptions().forEach((o) -> departments.put(o.id(), o.name()));
		Map<Long, EmployeeSummary> summaries = people.isEmpty() ? Map.of()
				: this.directory.findSummaries(people.stream().map(OverduePerson::employeeId).distinct().toList());
		return csv(List.of("name", "email", "department", "location", "announcement_id", "title", "ack_due_at"),
				(printer) -> {
					for (OverduePerson p : people) {
						EmployeeSummary summary = summaries.get(p.employeeId());
						String department = (filter.departmentId() != null) ? departments.get(filter.departmentId())
								: null;
						printer.printRecord(cell(p.name()), cell(p.email()),
								cell((department != null) ? department
										: (summary != null) ? summary.department() : null),
								cell(p.location()), p.announcementId(), cell(p.title()), p.dueAt().toString());
					}
				});
	}

	private byte[] breakdownCsv(String what, List<Breakdown> rows) {
		return csv(List.of(what, "posts", "reach", "read", "read_percent", "ack_required", "acknowledged",
				"ack_percent", "on_time", "overdue", "ack_due", "due_later", "note"), (printer) -> {
					for (Breakdown b : rows) {
						List<Object> row = new ArrayList<>();
						row.add(cell((b.name() != null) ? b.name() : text("insight.csv.none")));
						row.add(b.figures().posts());
						List<Object> figures = figureCells(b.figures());
						row.add(figures.get(0));
						row.add(figures.get(1));
						row.add(figures.get(2));
						row.addAll(figures.subList(3, figures.size()));
						printer.printRecord(row);
					}
				});
	}

	// CSV notes in the reader's language, as the pages say them.
	private String fewerThan(int minimum) {
		return this.messages.getMessage("insight.csv.fewerThan", new Object[] { minimum },
				LocaleContextHolder.getLocale());
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	/**
	 * reach, read, read %, ack required, acknowledged, ack %, on time, overdue, ack due
	 * (what the ack percentages count: given or due by now), due later, note; only the
	 * reach of a group below the privacy threshold. A rate nothing was asked for is an
	 * empty cell, never 0.
	 */
	private List<Object> figureCells(Figures f) {
		if (f.hidden()) {
			return List.of(f.recipients(), "", "", f.required(), "", "", "", "", "", "",
					fewerThan(this.rules.minimumGroupSize()));
		}
		return List.of(f.recipients(), f.read(), percent(f.readRate()), f.required(), f.acknowledged(),
				percent(f.ackRate()), f.onTime(), f.overdue(), f.due(), f.dueLater(), "");
	}

	private static String percent(Double percent) {
		return (percent != null) ? String.format(Locale.ROOT, "%.1f", percent) : "";
	}

	private static String cell(String value) {
		return SpreadsheetCells.neutralise(value);
	}

	interface Rows {

		void print(CSVPrinter printer) throws IOException;

	}

	private static byte[] csv(List<String> header, Rows rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
		bytes.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSV)) {
			printer.printRecord(header);
			rows.print(printer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
