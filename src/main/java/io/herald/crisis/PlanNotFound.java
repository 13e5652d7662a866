package io.herald.crisis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No crisis plan with this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PlanNotFound extends RuntimeException {

	public PlanNotFound(long id) {
		super("No crisis plan " + id);
	}

}
