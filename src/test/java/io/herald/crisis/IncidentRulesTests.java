package io.herald.crisis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.crisis.IncidentView.AfterAction;
import io.herald.shared.InvalidChange.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain rules of an incident: filling a template's placeholders, what a scope means
 * and how it is checked, and the after-action check-in marks.
 */
class IncidentRulesTests {

	private static final Map<Long, String> LOCATIONS = Map.of(1L, "Warsaw", 2L, "Kraków", 3L, "Berlin");

	@Test
	void fillsKnownPlaceholdersAndLeavesOthersAsWritten() {
		String filled = Placeholders.fill(
				"Fire at {location} at {time} on {date}. Lead: {lead} ({contact}). {unknown} {plan}",
				Map.of("location", "Warsaw", "time", "09:30", "date", "2026-11-22", "lead", "Olivia Bennett", "contact",
						"+48 600 000 000", "plan", "Fire plan"));

		assertThat(filled).isEqualTo(
				"Fire at Warsaw at 09:30 on 2026-11-22. Lead: Olivia Bennett (+48 600 000 000). {unknown} Fire plan");
	}

	@Test
	void aPlaceholderWithoutAValueStaysAndReplacementTextIsTakenLiterally() {
		assertThat(Placeholders.fill("{severity} at {location}", Map.of("location", "$1 \\ Office")))
			.isEqualTo("{severity} at $1 \\ Office");
		assertThat(Placeholders.fill(null, Map.of())).isNull();
	}

	@Test
	void everyoneIgnoresTickedLocationsAndDepartments() {
		IncidentScope scope = new IncidentScope(true, Set.of(1L), Set.of(7L));

		assertThat(scope.locationIds()).isEmpty();
		assertThat(scope.departmentIds()).isEmpty();
		assertThat(scope.locationText(LOCATIONS, "all locations")).isEqualTo("all locations");
		assertThat(scope.problems(Set.of(1L), Set.of(7L))).isEmpty();
	}

	@Test
	void aScopeOfNobodyIsRefused() {
		assertThat(new IncidentScope(false, Set.of(), Set.of()).problems(Set.of(1L), Set.of(7L)))
			.extracting(Problem::field, Problem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("everyone", "crisis.incident.scope.required"));
	}

	@Test
	void unknownLocationsAndDepartmentsAreRefused() {
		assertThat(new IncidentScope(false, Set.of(1L, 99L), Set.of(98L)).problems(Set.of(1L), Set.of(7L)))
			.extracting(Problem::code)
			.containsExactly("crisis.incident.scope.unknownLocation", "crisis.incident.scope.unknownDepartment");
	}

	@Test
	void theLocationTextNamesTheChosenLocationsInOrder() {
		assertThat(new IncidentScope(false, Set.of(3L, 1L), Set.of()).locationText(LOCATIONS, "all locations"))
			.isEqualTo("Berlin, Warsaw");
		// Departments only: every location of theirs.
		assertThat(new IncidentScope(false, Set.of(), Set.of(7L)).locationText(LOCATIONS, "all locations"))
			.isEqualTo("all locations");
	}

	@Test
	void afterActionMarksCountFirstAnswersAgainstEveryoneReached() {
		Instant opened = Instant.parse("2026-11-22T09:00:00Z");
		List<Instant> answers = List.of(opened.plusSeconds(60), opened.plusSeconds(120), opened.plusSeconds(300),
				opened.plusSeconds(600), opened.plusSeconds(900), opened.plusSeconds(1200), opened.plusSeconds(1500),
				opened.plusSeconds(1800), opened.plusSeconds(2400));

		AfterAction marks = IncidentRoster.afterAction(opened, answers, 10, 2);

		assertThat(marks.toHalf()).isEqualTo(Duration.ofMinutes(15));
		assertThat(marks.toNinetyPercent()).isEqualTo(Duration.ofMinutes(40));
		assertThat(marks.toEveryone()).isNull();
		assertThat(marks.needHelp()).isEqualTo(2);
	}

	@Test
	void afterActionOfAnIncidentThatReachedNobodyHasNoMarks() {
		AfterAction marks = IncidentRoster.afterAction(Instant.EPOCH, List.of(), 0, 0);

		assertThat(marks.toHalf()).isNull();
		assertThat(marks.toEveryone()).isNull();
	}

}
