package io.herald.tracking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No tracking for this caller: the post does not exist, has not gone out, or the caller
 * is neither HR, an administrator nor a manager of its channel. Deliberately one answer.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TrackingNotFound extends RuntimeException {

	TrackingNotFound(long id) {
		super("No tracking of announcement " + id + " for this person");
	}

}
