package io.herald.crisis.web;

import io.herald.shared.InvalidChange;

import org.springframework.validation.BindingResult;

/**
 * A refused change as form errors: on its field, or on the whole form.
 */
final class Rejections {

	private Rejections() {
	}

	static void addTo(BindingResult result, InvalidChange refused) {
		for (InvalidChange.Problem problem : refused.problems()) {
			if (problem.field() != null) {
				result.rejectValue(problem.field(), problem.code(), problem.arguments(), null);
			}
			else {
				result.reject(problem.code(), problem.arguments(), null);
			}
		}
	}

}
