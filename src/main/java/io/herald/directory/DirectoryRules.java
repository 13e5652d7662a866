package io.herald.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.herald.directory.InvalidDirectoryChange.Problem;

import org.springframework.util.StringUtils;

/**
 * What a valid directory entry looks like. Plain checks on values; uniqueness and the
 * manager chain need the database and are checked by the service.
 */
final class DirectoryRules {

	static final Set<String> LANGUAGES = Set.copyOf(Languages.SUPPORTED);

	// The import's rule too, so whatever one accepts the other re-imports.
	private static final Pattern EMAIL = Pattern
		.compile("[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\]]+");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");

	private DirectoryRules() {
	}

	static boolean isEmail(String email) {
		return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
	}

	static List<Problem> check(OwnDetails details) {
		List<Problem> problems = new ArrayList<>();
		checkOwnDetails(problems, details);
		return problems;
	}

	static List<Problem> check(PersonDetails details) {
		List<Problem> problems = new ArrayList<>();
		if (!isEmail(details.email())) {
			problems.add(new Problem("email", "directory.email.invalid"));
		}
		if (!StringUtils.hasText(details.firstName())) {
			problems.add(new Problem("firstName", "directory.required"));
		}
		if (!StringUtils.hasText(details.lastName())) {
			problems.add(new Problem("lastName", "directory.required"));
		}
		checkLength(problems, "firstName", details.firstName(), 100);
		checkLength(problems, "lastName", details.lastName(), 100);
		checkLength(problems, "jobTitle", details.jobTitle(), 150);
		checkLength(problems, "employeeNumber", details.employeeNumber(), 64);
		checkLength(problems, "skills", details.skills(), 2000);
		checkOwnDetails(problems, new OwnDetails(details.preferredName(), details.phone(), details.mobile(),
				details.timeZone(), details.language()));
		return problems;
	}

	// What a person may also change themselves follows the same rules whoever changes it.
	private static void checkOwnDetails(List<Problem> problems, OwnDetails details) {
		checkLength(problems, "preferredName", details.preferredName(), 100);
		checkPhone(problems, "phone", details.phone());
		checkPhone(problems, "mobile", details.mobile());
		if (details.timeZone() == null) {
			problems.add(new Problem("timeZone", "directory.timeZone.invalid"));
		}
		if (!LANGUAGES.contains(details.language())) {
			problems.add(new Problem("language", "directory.language.invalid"));
		}
	}

	private static void checkLength(List<Problem> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new Problem(field, "directory.tooLong"));
		}
	}

	private static void checkPhone(List<Problem> problems, String field, String value) {
		if (StringUtils.hasText(value) && !PHONE.matcher(value).matches()) {
			problems.add(new Problem(field, "directory.phone.invalid"));
		}
	}

}
