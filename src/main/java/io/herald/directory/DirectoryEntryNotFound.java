package io.herald.directory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such person, department or location.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DirectoryEntryNotFound extends RuntimeException {

	public DirectoryEntryNotFound() {
		super("No such directory entry");
	}

}
