package io.herald.crisis;

import java.util.List;

import io.herald.shared.InvalidChange.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates may use only the placeholders Herald fills in; anything else is refused with
 * the list of those it knows.
 */
class PlaceholdersTests {

	@Test
	void knownPlaceholdersPass() {
		assertThat(Placeholders.problems("body", "Fire at {location} at {time}: {plan}, ask {lead} or {contact}."))
			.isEmpty();
		assertThat(Placeholders.problems("body", "No placeholders at all.")).isEmpty();
	}

	@Test
	void anUnknownPlaceholderIsNamedWithTheAllowedOnes() {
		List<Problem> problems = Placeholders.problems("templates[0].body", "Meet at {assembly} by {time}");

		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).field()).isEqualTo("templates[0].body");
		assertThat(problems.get(0).code()).isEqualTo("crisis.template.placeholder.unknown");
		assertThat(problems.get(0).arguments()).containsExactly("{assembly}",
				"{location}, {time}, {date}, {plan}, {severity}, {lead}, {contact}");
	}

	@Test
	void placeholdersAreCaseSensitiveAndEachUnknownOneIsReportedOnce() {
		List<Problem> problems = Placeholders.problems("body", "{Location} and {Location} and {}");

		assertThat(problems).extracting((p) -> p.arguments()[0]).containsExactly("{Location}", "{}");
	}

	@Test
	void aBraceLeftOpenIsRefused() {
		assertThat(Placeholders.problems("title", "Fire at {location")).extracting(Problem::code)
			.containsExactly("crisis.template.placeholder.unclosed");
		assertThat(Placeholders.problems("title", "Fire at location}")).extracting(Problem::code)
			.containsExactly("crisis.template.placeholder.unclosed");
	}

	@Test
	void usedListsNamesInOrderOfFirstUse() {
		assertThat(Placeholders.used("{time} {location} {time}")).containsExactly("time", "location");
	}

}
