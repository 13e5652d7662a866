package io.herald.tracking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller is not a recipient of this post, or there is no such post: deliberately the
 * same answer.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReceiptNotFound extends RuntimeException {

	ReceiptNotFound(long id) {
		super("No announcement " + id + " for this person");
	}

}
