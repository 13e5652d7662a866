package io.herald.announcement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such announcement for this person: it does not exist, or it is not theirs to see.
 * The two are deliberately the same answer.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AnnouncementNotFound extends RuntimeException {

	AnnouncementNotFound(long id) {
		super("No announcement " + id + " for this person");
	}

}
