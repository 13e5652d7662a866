package io.herald.crisis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No support procedure with this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ProcedureNotFound extends RuntimeException {

	public ProcedureNotFound(long id) {
		super("No procedure " + id);
	}

}
