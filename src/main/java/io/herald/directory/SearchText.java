package io.herald.directory;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.herald.shared.Text;

/**
 * The one text a person is found by: every name form, e-mail, job title, skills,
 * department and location, normalised by {@link Text#searchable}.
 */
final class SearchText {

	private SearchText() {
	}

	static String of(String firstName, String lastName, String preferredName, String email, String jobTitle,
			String skills, String department, String location) {
		String text = Stream
			.of(firstName, lastName, preferredName, PersonName.display(firstName, lastName, null), email, jobTitle,
					(skills != null) ? skills.replace(';', ' ') : null, department, location)
			.filter(Objects::nonNull)
			.map(Text::searchable)
			.filter((part) -> !part.isEmpty())
			.collect(Collectors.joining(" | "));
		return (text.length() > 4000) ? text.substring(0, 4000) : text;
	}

}
