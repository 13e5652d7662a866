package io.herald.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the directory CSV, in the order the export writes them: the order of the
 * product's design, and e-mail first because it is never empty (a CSV writer quotes an
 * empty first cell, which looks odd in a text editor).
 */
enum ImportColumn {

	EMAIL(254), FIRST_NAME(100), LAST_NAME(100), EMPLOYEE_NUMBER(64), PREFERRED_NAME(100), JOB_TITLE(150),
	DEPARTMENT(120), LOCATION(120), MANAGER_EMAIL(254), PHONE(40), MOBILE(40), TIME_ZONE(64), LANGUAGE(10),
	START_DATE(10), ACTIVE(5), SKILLS(2000);

	private static final Map<String, ImportColumn> BY_HEADER = Arrays.stream(values())
		.collect(Collectors.toMap(ImportColumn::header, Function.identity()));

	static final String ALLOWED = Arrays.stream(values()).map(ImportColumn::header).collect(Collectors.joining(", "));

	private final int maxLength;

	ImportColumn(int maxLength) {
		this.maxLength = maxLength;
	}

	String header() {
		return name().toLowerCase(Locale.ROOT);
	}

	int maxLength() {
		return this.maxLength;
	}

	boolean required() {
		return this == EMAIL || this == FIRST_NAME || this == LAST_NAME;
	}

	static ImportColumn fromHeader(String header) {
		return BY_HEADER.get(header.strip().toLowerCase(Locale.ROOT));
	}

}
