package io.herald.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.herald.shared.Emails;
import io.herald.shared.Zones;

/**
 * The import's checks on the cells of one row, each on its own: nothing here needs the
 * other rows or the directory (the {@link ImportPlanner} checks what does). A wrong cell
 * adds a problem to the import's list.
 */
final class ImportCells {

	private static final Map<String, String> LANGUAGES = Languages.SUPPORTED.stream()
		.collect(Collectors.toMap((language) -> language.toLowerCase(Locale.ROOT), (language) -> language));

	private final List<ImportIssue> errors;

	ImportCells(List<ImportIssue> errors) {
		this.errors = errors;
	}

	/**
	 * Checks every cell of a row and returns the values in their stored form; a cell that
	 * is empty or wrong gives {@code null}.
	 */
	String[] validate(DirectoryCsv.Row row) {
		String[] values = new String[ImportColumn.values().length];
		for (Map.Entry<ImportColumn, String> cell : row.values().entrySet()) {
			ImportColumn column = cell.getKey();
			String raw = cell.getValue();
			if (raw.isEmpty()) {
				if (column.required()) {
					error(row.line(), column, "directoryImport.problem.valueEmpty", column.header());
				}
				continue;
			}
			if (raw.length() > column.maxLength() && column != ImportColumn.SKILLS) {
				error(row.line(), column, "directoryImport.problem.valueTooLong", column.header(), column.maxLength());
				continue;
			}
			values[column.ordinal()] = switch (column) {
				case EMAIL, MANAGER_EMAIL -> email(row, column, raw);
				case TIME_ZONE -> timeZone(row, raw);
				case LANGUAGE -> language(row, raw);
				case START_DATE -> date(row, raw);
				case ACTIVE -> active(row, raw);
				case SKILLS -> skills(row, raw);
				default -> raw;
			};
		}
		return values;
	}

	private String email(DirectoryCsv.Row row, ImportColumn column, String raw) {
		String email = Emails.normalize(raw);
		if (!DirectoryRules.isEmail(email)) {
			error(row.line(), column, "directoryImport.problem.emailInvalid", raw);
			return null;
		}
		return email;
	}

	private String timeZone(DirectoryCsv.Row row, String raw) {
		String zone = Zones.parse(raw).map(ZoneId::getId).orElse(null);
		if (zone == null) {
			error(row.line(), ImportColumn.TIME_ZONE, "directoryImport.problem.timeZoneUnknown", raw);
		}
		return zone;
	}

	private String language(DirectoryCsv.Row row, String raw) {
		String language = LANGUAGES.get(raw.toLowerCase(Locale.ROOT).replace('_', '-'));
		if (language == null) {
			error(row.line(), ImportColumn.LANGUAGE, "directoryImport.problem.languageUnsupported", raw);
		}
		return language;
	}

	private String date(DirectoryCsv.Row row, String raw) {
		try {
			return LocalDate.parse(raw).toString();
		}
		catch (DateTimeParseException ex) {
			error(row.line(), ImportColumn.START_DATE, "directoryImport.problem.dateInvalid", raw);
			return null;
		}
	}

	private String active(DirectoryCsv.Row row, String raw) {
		String value = raw.toLowerCase(Locale.ROOT);
		if (!value.equals("true") && !value.equals("false")) {
			error(row.line(), ImportColumn.ACTIVE, "directoryImport.problem.activeInvalid", raw);
			return null;
		}
		return value;
	}

	private String skills(DirectoryCsv.Row row, String raw) {
		String skills = Arrays.stream(raw.split(";"))
			.map(String::strip)
			.filter((skill) -> !skill.isEmpty())
			.collect(Collectors.joining(";"));
		if (skills.length() > ImportColumn.SKILLS.maxLength()) {
			error(row.line(), ImportColumn.SKILLS, "directoryImport.problem.skillsTooLong",
					ImportColumn.SKILLS.maxLength());
			return null;
		}
		return skills.isEmpty() ? null : skills;
	}

	private void error(int line, ImportColumn column, String code, Object... args) {
		this.errors.add(new ImportIssue(line, column.header(), code, args));
	}

}
