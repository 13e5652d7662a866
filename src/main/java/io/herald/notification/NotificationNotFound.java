package io.herald.notification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such notification for this person: it does not exist, or it is someone else's. The
 * two are deliberately the same answer.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotificationNotFound extends RuntimeException {

	NotificationNotFound(long id) {
		super("No notification " + id + " for this person");
	}

}
