package io.herald.directory;

/**
 * A department or location to choose in a filter or a form.
 */
public record DirectoryOption(long id, String name) {

}
