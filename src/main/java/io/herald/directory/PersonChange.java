package io.herald.directory;

import java.util.List;

/**
 * A person an import creates or updates, with the fields that change.
 *
 * @param line the file line the person comes from
 */
public record PersonChange(int line, String email, String name, List<FieldChange> changes) {

	/**
	 * The value a field has after the import, or {@code null} when it stays empty or does
	 * not change.
	 */
	public String after(String field) {
		return this.changes.stream()
			.filter((change) -> change.field().equals(field))
			.map(FieldChange::newValue)
			.findFirst()
			.orElse(null);
	}

}
