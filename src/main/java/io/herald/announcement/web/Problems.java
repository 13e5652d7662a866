package io.herald.announcement.web;

import io.herald.shared.InvalidChange;

import org.springframework.validation.BindingResult;

/**
 * Turns a refused change into messages on the form's fields, or on the whole form when
 * the problem names no field the form has.
 */
final class Problems {

	private Problems() {
	}

	static void reject(InvalidChange refused, BindingResult result) {
		for (InvalidChange.Problem problem : refused.problems()) {
			if (problem.field() != null && result.getFieldType(problem.field()) != null) {
				result.rejectValue(problem.field(), problem.code(), problem.arguments(), null);
			}
			else {
				result.reject(problem.code(), problem.arguments(), null);
			}
		}
	}

}
