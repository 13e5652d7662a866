package io.herald.escalation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No policy with this id (a removed override, say).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PolicyNotFound extends RuntimeException {

	public PolicyNotFound(long id) {
		super("No escalation policy " + id);
	}

}
