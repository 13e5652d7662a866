package io.herald.crisis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No incident with this id, or none the caller may see: outsiders are told the same.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IncidentNotFound extends RuntimeException {

	public IncidentNotFound(long id) {
		super("No incident " + id);
	}

}
