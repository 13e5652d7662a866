package io.herald.directory.web;

import io.herald.directory.InvalidDirectoryChange;

import org.springframework.validation.BindingResult;

/**
 * Turns a refused directory change into messages on the form's fields.
 */
final class Problems {

	private Problems() {
	}

	static void reject(InvalidDirectoryChange refused, BindingResult result) {
		for (InvalidDirectoryChange.Problem problem : refused.problems()) {
			if (problem.field() != null && result.getFieldType(problem.field()) != null) {
				result.rejectValue(problem.field(), problem.code());
			}
			else {
				result.reject(problem.code());
			}
		}
	}

}
