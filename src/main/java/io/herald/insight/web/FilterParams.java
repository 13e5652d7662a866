package io.herald.insight.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.herald.announcement.Priority;
import io.herald.insight.InsightFilter;

/**
 * The dashboards' filters as query parameters ({@code from}, {@code to} as ISO dates,
 * {@code channel}, {@code department}, {@code location} as ids, {@code priority}), so
 * every view has a URL to share. What cannot be read is reported as a field problem (a
 * message code) and left at its default.
 */
record FilterParams(InsightFilter filter, List<FieldProblem> problems) {

	/**
	 * A filter that could not be read, as a message code whose first argument is the
	 * field's label and the rest {@code arguments}.
	 */
	record FieldProblem(String field, String code, List<Object> arguments) {

		FieldProblem(String field, String code) {
			this(field, code, List.of());
		}

		/**
		 * One of the arguments after the label, {@code null} past the last.
		 */
		public Object argument(int index) {
			return (index < this.arguments.size()) ? this.arguments.get(index) : null;
		}

	}

	/**
	 * Reads the filters; {@code defaults} (ending today) stand in for what is missing or
	 * cannot be read.
	 */
	static FilterParams parse(Map<String, String> params, InsightFilter defaults) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = defaults.to();
		LocalDate from = date(params.get("from"), "from", today, problems);
		LocalDate to = date(params.get("to"), "to", today, problems);
		LocalDate start = (from != null) ? from
				: ((to != null) ? to.minusDays(InsightFilter.DEFAULT_DAYS - 1) : defaults.from());
		LocalDate end = (to != null) ? to
				: ((from != null) ? from.plusDays(InsightFilter.DEFAULT_DAYS - 1) : defaults.to());
		if (start.isAfter(end)) {
			problems.add(new FieldProblem("to", "insight.filter.toBeforeFrom"));
			start = defaults.from();
			end = defaults.to();
		}
		else if (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1 > InsightFilter.LONGEST) {
			problems.add(new FieldProblem("from", "insight.filter.tooLong"));
			start = end.minusDays(InsightFilter.LONGEST - 1);
		}
		Long channel = id(params.get("channel"), "channel", problems);
		Long department = id(params.get("department"), "department", problems);
		Long location = id(params.get("location"), "location", problems);
		Priority priority = null;
		String text = params.get("priority");
		if (text != null && !text.isBlank()) {
			try {
				priority = Priority.valueOf(text.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("priority", "insight.filter.badPriority"));
			}
		}
		return new FilterParams(new InsightFilter(start, end, channel, department, location, priority),
				List.copyOf(problems));
	}

	/**
	 * The filter as a query string, to carry it from one view to the next.
	 */
	static String query(InsightFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", filter.from());
		params.put("to", filter.to());
		params.put("channel", filter.channelId());
		params.put("department", filter.departmentId());
		params.put("location", filter.locationId());
		params.put("priority", filter.priority());
		StringBuilder query = new StringBuilder();
		params.forEach((name, value) -> {
			if (value != null) {
				query.append((query.length() > 0) ? "&" : "").append(name).append('=').append(value);
			}
		});
		return query.toString();
	}

	/**
	 * A day from the query string, {@code null} when missing; one that cannot be read or
	 * lies outside what a period may cover is added to {@code problems}.
	 */
	static LocalDate date(String text, String field, LocalDate today, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "insight.filter.badDate"));
			return null;
		}
		if (!InsightFilter.accepts(day, today)) {
			problems.add(new FieldProblem(field, "insight.filter.outOfRange",
					List.of(InsightFilter.EARLIEST, InsightFilter.latest(today))));
			return null;
		}
		return day;
	}

	private static Long id(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(text.strip());
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "insight.filter.badId"));
		return null;
	}

}
