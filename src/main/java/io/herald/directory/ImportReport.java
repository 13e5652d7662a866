package io.herald.directory;

import java.util.List;

/**
 * What an import did, or would do: the counts, the people behind them and every problem
 * found. When there are problems nothing is applied.
 *
 * @param deactivated people a full sync deactivates because the file no longer lists them
 * @param createdPeople the people created, in file order
 * @param updatedPeople the people updated, with their field-by-field changes
 * @param deactivatedPeople the names of the people a full sync deactivates
 * @param applied whether the changes were written
 */
public record ImportReport(int created, int updated, int deactivated, int unchanged, List<ImportProblem> errors,
		List<PersonChange> createdPeople, List<PersonChange> updatedPeople, List<String> deactivatedPeople,
		boolean applied) {

	static ImportReport failed(List<ImportProblem> errors) {
		return new ImportReport(0, 0, 0, 0, List.copyOf(errors), List.of(), List.of(), List.of(), false);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	public boolean hasChanges() {
		return this.created + this.updated + this.deactivated > 0;
	}

	ImportReport asApplied() {
		return new ImportReport(this.created, this.updated, this.deactivated, this.unchanged, this.errors,
				this.createdPeople, this.updatedPeople, this.deactivatedPeople, true);
	}

}
