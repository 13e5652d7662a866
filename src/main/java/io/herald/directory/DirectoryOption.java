package io.herald.directory;

import org.springframework.modulith.NamedInterface;

/**
 * A department or location to choose in a filter or a form.
 */
@NamedInterface("api")
public record DirectoryOption(long id, String name) {

}
