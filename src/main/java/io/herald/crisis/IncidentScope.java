package io.herald.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.herald.shared.InvalidChange.Problem;

/**
 * Whom an incident reaches: everyone, or the people in the chosen locations and/or
 * departments (both chosen: people in one of the locations and one of the departments, as
 * an announcement's narrowing works).
 */
public record IncidentScope(boolean everyone, Set<Long> locationIds, Set<Long> departmentIds) {

	public IncidentScope {
		// Everyone means no narrowing, whatever else was ticked.
		locationIds = everyone || locationIds == null ? Set.of() : Set.copyOf(new TreeSet<>(locationIds));
		departmentIds = everyone || departmentIds == null ? Set.of() : Set.copyOf(new TreeSet<>(departmentIds));
	}

	/**
	 * What is wrong with this scope, given the known locations and departments.
	 */
	public List<Problem> problems(Set<Long> knownLocations, Set<Long> knownDepartments) {
		List<Problem> problems = new ArrayList<>();
		if (!this.everyone && this.locationIds.isEmpty() && this.departmentIds.isEmpty()) {
			problems.add(new Problem("everyone", "crisis.incident.scope.required"));
		}
		if (!knownLocations.containsAll(this.locationIds)) {
			problems.add(new Problem("locationIds", "crisis.incident.scope.unknownLocation"));
		}
		if (!knownDepartments.containsAll(this.departmentIds)) {
			problems.add(new Problem("departmentIds", "crisis.incident.scope.unknownDepartment"));
		}
		return problems;
	}

	/**
	 * The {@code {location}} text: the chosen locations' names by name, or
	 * {@code allLocations} when the scope names none.
	 */
	public String locationText(Map<Long, String> names, String allLocations) {
		if (this.locationIds.isEmpty()) {
			return allLocations;
		}
		return String.join(", ", new TreeSet<>(this.locationIds.stream().map(names::get).toList()));
	}

}
