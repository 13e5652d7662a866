package io.herald.directory;

/**
 * One field of a person that an import changes, with its value before and after (empty
 * values are {@code null}).
 */
public record FieldChange(String field, String oldValue, String newValue) {

}
